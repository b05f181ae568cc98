package org.firewalldoors.api.host;

import java.util.List;
import java.util.Objects;

/**
 * Why an operation was blocked.
 *
 * @param kind        the kind of refusal
 * @param ruleId      the id of the rule that refused it, or {@code null}
 * @param requirement the requirement id the rule enforces (for example {@code H2}), or {@code null}
 * @param message     what the user is told
 * @param offending   the pieces of the user's own text that caused it, as written
 */
public record Refusal(RefusalKind kind, String ruleId, String requirement, String message, List<String> offending) {

    /** Validates and copies the values. */
    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        offending = offending == null ? List.of() : List.copyOf(offending);
    }
}
