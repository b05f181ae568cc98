package org.firewalldoors.kol.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.kol.KolExportFormat;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolExportSummary;
import org.firewalldoors.api.kol.KolIntelligence;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo shell command {@code kol:export <user> <region> <file> [cursor]}:
 * writes the KOL intelligence export to a file, acting as the given user
 * through the KOL service on the SHELL channel, so the same checks, door and
 * audit apply as over HTTP (X7). The shell is trusted like the machine it runs
 * on: it names the user without a password. The file appears only when the
 * export succeeded.
 */
@Component(service = KolExportCommand.class,
        property = { "osgi.command.scope=kol", "osgi.command.function=export" })
public final class KolExportCommand {

    @Reference
    KolIntelligence kol;
    @Reference
    UserDirectory users;

    /** Exports the region's KOL intelligence as {@code user} to {@code file}. */
    public String export(String user, String region, String file) throws IOException {
        return export(user, region, file, null);
    }

    /** Exports what changed after {@code cursor} (the cursor of an earlier export's trailer). */
    public String export(String user, String region, String file, String cursor) throws IOException {
        Principal principal = users.find(user).orElseThrow(() -> new IllegalArgumentException("no user " + user));
        Path target = Path.of(file).toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        KolExportSummary s;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            s = kol.export(new Caller(principal, Channel.SHELL),
                    new KolExportRequest(region, null, cursor, KolExportFormat.NDJSON), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "exported " + s.count() + " KOL profiles to " + target + " (policy " + s.policy() + " "
                + s.policyVersion() + ", sha256 " + s.sha256() + ", next cursor " + s.cursor() + ")";
    }
}
