package org.firewalldoors.host.internal.users;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.host.internal.HostHome;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The host's users, read from a JSON file: {@code {"users": [{"id", "function",
 * "role", "region", "manager", "password"}]}} where {@code password} is a salted
 * PBKDF2 hash (see {@link PasswordHasher}). A missing or unreadable file leaves
 * the directory empty, so nobody can sign in.
 */
@Component(service = UserDirectory.class, configurationPid = HostConfiguration.PID)
public final class JsonUserDirectory implements UserDirectory {

    private static final System.Logger LOG = System.getLogger(JsonUserDirectory.class.getName());

    private record User(Principal principal, String passwordHash) {
    }

    private volatile Map<String, User> users = Map.of();
    /** Digests of passwords already verified, so that each request does not pay for PBKDF2 again. */
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    private final BundleContext context;

    @Activate
    public JsonUserDirectory(BundleContext context, HostConfiguration config) {
        this.context = context;
        load(config);
    }

    @Modified
    void load(HostConfiguration config) {
        Path file = HostHome.resolve(context, config.usersFile());
        users = read(file);
        verified.clear();
        LOG.log(System.Logger.Level.INFO, "{0} users from {1}", users.size(), file);
    }

    static Map<String, User> read(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.log(System.Logger.Level.WARNING, "no users file at {0}: nobody can sign in", file);
            return Map.of();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            UserEntry.File doc = new Gson().fromJson(r, UserEntry.File.class);
            Map<String, User> result = new LinkedHashMap<>();
            for (UserEntry e : doc == null || doc.users == null ? List.<UserEntry>of() : doc.users) {
                Principal p = new Principal(e.id, BusinessFunction.valueOf(e.function), e.role, e.region, e.manager);
                if (result.put(p.id(), new User(p, e.password)) != null) {
                    throw new IllegalArgumentException("user " + p.id() + " appears twice");
                }
            }
            if (doc != null && doc.demo) {
                StringBuilder banner = new StringBuilder("Demo users (password 'demo'):");
                result.values().forEach(u -> banner.append(String.format("%n  %-15s %-10s %-18s %s", u.principal().id(),
                        u.principal().function(), u.principal().role(), u.principal().region())));
                System.out.println(banner);
            }
            return Map.copyOf(result);
        } catch (IOException | JsonParseException | IllegalArgumentException | NullPointerException e) {
            LOG.log(System.Logger.Level.ERROR, "users file " + file + " is unreadable; nobody can sign in", e);
            return Map.of();
        }
    }

    @Override
    public Optional<Principal> find(String id) {
        User u = users.get(id);
        return u == null ? Optional.empty() : Optional.of(u.principal());
    }

    @Override
    public Optional<Principal> authenticate(String id, char[] password) {
        User u = users.get(id);
        if (u == null) {
            PasswordHasher.verify(password, PasswordHasher.UNMATCHABLE); // same cost whether or not the user exists
            return Optional.empty();
        }
        byte[] digest = digest(u.passwordHash(), password);
        byte[] known = verified.get(id);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return Optional.of(u.principal());
        }
        if (!PasswordHasher.verify(password, u.passwordHash())) {
            return Optional.empty();
        }
        verified.put(id, digest);
        return Optional.of(u.principal());
    }

    private static byte[] digest(String salt, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Principal> inRegion(String region) {
        return users.values().stream().map(User::principal).filter(p -> p.region().equals(region)).toList();
    }
}
