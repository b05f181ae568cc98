package org.firewalldoors.api.kol;

import java.time.Instant;
import java.util.Objects;

/**
 * What to export.
 *
 * @param region the region whose profiles to export; the caller's own when {@code null}
 * @param since  only profiles changed at or after this time, or {@code null} for all
 * @param cursor the cursor of a previous export's trailer, to resume after it; or {@code null}
 * @param format the output format
 */
public record KolExportRequest(String region, Instant since, String cursor, KolExportFormat format) {

    /** Validates the values. */
    public KolExportRequest {
        Objects.requireNonNull(format, "format");
    }

    /** @return a full export of the caller's region as NDJSON */
    public static KolExportRequest all() {
        return new KolExportRequest(null, null, null, KolExportFormat.NDJSON);
    }
}
