package org.firewalldoors.api.handoff;

/**
 * Thrown when a step does not fit where an inquiry stands: an illegal status
 * transition, or completing an inquiry whose safety forward is still pending
 * (X1). Shown over HTTP as 409 CONFLICT. Nothing is stored.
 */
public final class InquiryStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String requirement;

    /**
     * @param rule        the id of the check that refused the step
     * @param requirement the requirement id it enforces
     * @param message     what the caller is told
     */
    public InquiryStateException(String rule, String requirement, String message) {
        super(message, null, false, false);
        this.rule = rule;
        this.requirement = requirement;
    }

    /** @return the id of the check that refused the step */
    public String rule() {
        return rule;
    }

    /** @return the requirement id it enforces */
    public String requirement() {
        return requirement;
    }
}
