package org.firewalldoors.api.compliance;

import java.util.Map;
import java.util.Objects;

/**
 * What happened, as appended to the audit trail (X2, H8).
 *
 * @param actor         the id of the acting user
 * @param action        what was done, for example {@code CREATE} or {@code HANDOFF_ACCEPT}
 * @param recordType    the record type, or {@code null}
 * @param recordId      the record id, or {@code null}
 * @param region        the region
 * @param outcome       the decision or step: {@code BLOCK}, {@code FLAG}, {@code REDACT}, {@code ESCALATE},
 *                      {@code CROSSING}, {@code ROUTE_TO_SAFETY}, {@code STEP}
 * @param rule          the rule or door id, or {@code null}
 * @param requirement   the requirement id, or {@code null}
 * @param policyId      the policy that decided, or {@code null}
 * @param policyVersion its version, or {@code null}
 * @param message       a human-readable account
 * @param oldValues     field values before, where they change; never {@code null}
 * @param newValues     field values after, where they change; never {@code null}
 */
public record AuditEvent(String actor, String action, String recordType, String recordId, String region,
        String outcome, String rule, String requirement, String policyId, String policyVersion, String message,
        Map<String, Object> oldValues, Map<String, Object> newValues) {

    /** Validates and copies the values. */
    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        oldValues = oldValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(oldValues));
        newValues = newValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newValues));
    }
}
