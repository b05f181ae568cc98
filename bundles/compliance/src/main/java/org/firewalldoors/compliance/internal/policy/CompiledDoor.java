package org.firewalldoors.compliance.internal.policy;

import java.util.Set;
import org.firewalldoors.api.host.Action;

/** A door: classified data of {@code recordType} may cross from {@code from} to {@code to} for these actions, these fields only. */
record CompiledDoor(String id, String requirement, String citation, String message, String recordType, Side from,
        Side to, Set<Action> actions, Set<String> fields) {
}
