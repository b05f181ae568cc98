package org.firewalldoors.api.host;

import java.util.Objects;

/**
 * One thing a decision records.
 *
 * @param kind        what it is
 * @param ruleId      the rule or door that produced it
 * @param requirement the requirement id it enforces
 * @param message     a human-readable account
 */
public record Finding(FindingKind kind, String ruleId, String requirement, String message) {

    /** Validates the values. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }
}
