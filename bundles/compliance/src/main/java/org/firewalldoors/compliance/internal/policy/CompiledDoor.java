package org.firewalldoors.compliance.internal.policy;

import java.util.List;
import java.util.Set;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;

/**
 * A door: classified data of {@code recordType} may cross from {@code from} to {@code to} for these actions, these
 * fields only, except records for which every condition of {@code excludeWhen} holds (for READ, QUERY and EXPORT
 * those are concealed, for example an HCP who objected to profiling, X3).
 */
record CompiledDoor(String id, String requirement, String citation, String message, String recordType, Side from,
        Side to, Set<Action> actions, Set<String> fields, List<FieldCondition> excludeWhen) {

    CompiledDoor(String id, String requirement, String citation, String message, String recordType, Side from,
            Side to, Set<Action> actions, Set<String> fields) {
        this(id, requirement, citation, message, recordType, from, to, actions, fields, List.of());
    }

    /** @return whether the door excludes records at all */
    boolean excludes() {
        return !excludeWhen.isEmpty();
    }
}
