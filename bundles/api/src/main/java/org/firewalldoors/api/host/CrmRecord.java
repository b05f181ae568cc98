package org.firewalldoors.api.host;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored record of the host.
 *
 * @param type      the record type name
 * @param id        the record id, unique within the host
 * @param fields    the field values, as JSON-shaped Java values (String,
 *                  Number, Boolean, List, Map); unmodifiable
 * @param owner     the id of the user who created it; empty in a record that crossed a door to the
 *                  other side, which is not told whose record it is
 * @param region    the region it belongs to
 * @param version   increases by one with every update, starting at 1
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record CrmRecord(String type, String id, Map<String, Object> fields, String owner, String region, long version,
        Instant createdAt, Instant updatedAt) {

    /** Validates and copies the values. */
    public CrmRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(region, "region");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return the value of a field, or {@code null} */
    public Object field(String name) {
        return fields.get(name);
    }

    /** @return a copy with only the given fields */
    public CrmRecord withFields(Map<String, Object> newFields) {
        return new CrmRecord(type, id, newFields, owner, region, version, createdAt, updatedAt);
    }
}
