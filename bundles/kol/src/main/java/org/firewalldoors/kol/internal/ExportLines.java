package org.firewalldoors.kol.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.kol.KolExportFormat;
import org.firewalldoors.api.kol.KolExportSummary;

/**
 * Writes an export line by line straight to the output, hashing what it
 * writes: one profile is in memory at a time. Nothing is written before the
 * first profile or the trailer, so that a refusal before either still gets a
 * clean error response.
 */
abstract class ExportLines {

    private final HashingOutputStream hashed;
    /** Where subclasses write; buffered, UTF-8. */
    protected final Writer writer;
    private boolean started;

    protected ExportLines(OutputStream out) {
        this.hashed = new HashingOutputStream(out);
        this.writer = new BufferedWriter(new OutputStreamWriter(hashed, StandardCharsets.UTF_8), 8192);
    }

    /** @return the writer of a format */
    static ExportLines of(KolExportFormat format, OutputStream out) {
        return format == KolExportFormat.CSV ? new CsvLines(out) : new NdjsonLines(out);
    }

    /** Writes one profile: the exportable fields given (in export order; a missing one is left out). */
    final void write(Map<String, Object> fields) throws IOException {
        start();
        line(fields::get);
    }

    /** Writes one profile as it crosses the door: its exportable fields but those withheld, without copying them. */
    final void write(CrmRecord profile, Set<String> withheld) throws IOException {
        start();
        line(name -> DoorView.crossing(profile, withheld, name));
    }

    /**
     * Ends the export with its trailer: the SHA-256 covers every byte written before it.
     *
     * @return the trailer
     */
    final KolExportSummary finish(long count, String policy, String policyVersion, String cursor) throws IOException {
        start();
        writer.flush();
        KolExportSummary summary = new KolExportSummary(count, policy, policyVersion, hashed.seal(), cursor);
        trailer(summary);
        writer.flush();
        return summary;
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            header();
        }
    }

    /** Writes what comes before the first profile. */
    protected abstract void header() throws IOException;

    /**
     * Writes one profile as one line.
     *
     * @param fields the value of each of {@link KolFields#EXPORTABLE}, null for one that is not exported
     */
    protected abstract void line(Function<String, Object> fields) throws IOException;

    /** Writes the trailer line. */
    protected abstract void trailer(KolExportSummary summary) throws IOException;
}
