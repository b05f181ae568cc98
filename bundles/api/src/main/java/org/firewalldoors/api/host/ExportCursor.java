package org.firewalldoors.api.host;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in a streamed export: the latest (update time, id) of the records
 * handed out, as the caller saw them. An export after a cursor hands out the
 * records whose visible (update time, id) comes after it, so it misses nothing
 * and repeats nothing that did not change, for the caller, in between.
 *
 * @param updatedAt the last update time of the record
 * @param id        its id
 */
public record ExportCursor(Instant updatedAt, String id) {

    /** Validates the values. */
    public ExportCursor {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }

    /** @return the cursor just after the given record */
    public static ExportCursor after(CrmRecord record) {
        return new ExportCursor(record.updatedAt(), record.id());
    }
}
