package org.firewalldoors.compliance.internal.policy;

import java.util.Map;
import java.util.List;
import java.util.Set;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;

/**
 * A door: classified data of {@code recordType} may cross from {@code from} to {@code to} for these actions, these
 * fields only; not the records for which one of {@code excludeWhen} holds, and not the fields whose text matches one of
 * the {@code redactTerms} lists.
 */
record CompiledDoor(String id, String requirement, String citation, String message, String recordType, Side from,
        Side to, Set<Action> actions, Set<String> fields, List<FieldCondition> excludeWhen, Set<String> redactTerms,
        List<String> participants) {

    CompiledDoor(String id, String requirement, String citation, String message, String recordType, Side from,
            Side to, Set<Action> actions, Set<String> fields) {
        this(id, requirement, citation, message, recordType, from, to, actions, fields, List.of(), Set.of(), List.of());
    }

    /**
     * @return whether the door opens to this user on this record: always, or, for a door with participants,
     *         when the user is named in one of those fields
     */
    boolean opensTo(String userId, Map<String, Object> values) {
        if (participants.isEmpty()) {
            return true;
        }
        for (String field : participants) {
            Object v = values.get(field);
            if (v instanceof Iterable<?> list) {
                for (Object o : list) {
                    if (userId.equals(o)) {
                        return true;
                    }
                }
            } else if (userId.equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the door excludes records at all */
    boolean excludes() {
        return !excludeWhen.isEmpty();
    }
}
