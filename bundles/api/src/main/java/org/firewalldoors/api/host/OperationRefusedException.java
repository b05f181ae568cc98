package org.firewalldoors.api.host;

import java.util.Objects;

/** Thrown when an operation was refused; carries the decision that refused it. */
public final class OperationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    /** @param decision a blocking decision */
    public OperationRefusedException(Decision decision) {
        super(Objects.requireNonNull(decision.refusal(), "not a block").message(), null, false, false);
        this.decision = decision;
    }

    /** @return a refusal of the given kind that names no rule */
    public static OperationRefusedException of(RefusalKind kind, String message) {
        return new OperationRefusedException(Decision.block(new Refusal(kind, null, null, message, null), null, null));
    }

    /** @return the decision that refused the operation */
    public Decision decision() {
        return decision;
    }

    /** @return why it was refused */
    public Refusal refusal() {
        return decision.refusal();
    }
}
