package org.firewalldoors.api.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation on a record, as the host hands it to the interceptors before it
 * takes effect.
 *
 * @param caller     who acts, through which channel
 * @param action     what is done
 * @param recordType the descriptor of the record type
 * @param recordId   the id of the record; for a CREATE, the id it will get; {@code null} for QUERY and EXPORT
 *                   of a whole type
 * @param before     the record as stored before the operation; {@code null} for
 *                   CREATE, QUERY and EXPORT
 * @param after      the fields as they will be after a CREATE or UPDATE, the
 *                   criteria of a QUERY or EXPORT; empty otherwise
 * @param related    the other principals involved
 * @param region     the region whose policy decides: the record's region, or
 *                   the actor's region for a CREATE, QUERY or EXPORT
 */
public record Operation(Caller caller, Action action, RecordTypeDescriptor recordType, String recordId, CrmRecord before,
        Map<String, Object> after, List<RelatedPrincipal> related, String region) {

    /** Validates and copies the values. */
    public Operation {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(region, "region");
        after = after == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(after));
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** @return the acting principal */
    public Principal actor() {
        return caller.principal();
    }

    /** @return the related principals with the given relation */
    public List<Principal> related(String relation) {
        // A loop, not a stream: every decision asks for the owner.
        List<Principal> found = null;
        for (RelatedPrincipal r : related) {
            if (r.relation().equals(relation)) {
                if (found == null) {
                    found = new java.util.ArrayList<>(2);
                }
                found.add(r.principal());
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }
}
