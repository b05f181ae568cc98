package org.firewalldoors.api.host;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in a streamed export: the last update time and id of the last
 * record handed out. Records come in (updatedAt, id) order, so an export
 * resumed after a cursor misses nothing and repeats nothing that did not
 * change in between.
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
