package org.firewalldoors.api.host;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The answer of an interceptor for one operation: allow or block, plus the
 * fields to redact and the findings to record. Immutable.
 *
 * @param verdict        allow or block
 * @param refusal        why it was blocked; {@code null} when allowed
 * @param redactedFields fields the caller must not see or set
 * @param findings       flags, escalations, safety routings, door crossings
 * @param policyId       the id of the policy that decided, or {@code null}
 * @param policyVersion  the version of that policy, or {@code null}
 */
public record Decision(Verdict verdict, Refusal refusal, Set<String> redactedFields, List<Finding> findings,
        String policyId, String policyVersion) {

    private static final Decision ALLOW = new Decision(Verdict.ALLOW, null, Set.of(), List.of(), null, null);

    /** Validates and copies the values. */
    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        if ((verdict == Verdict.BLOCK) != (refusal != null)) {
            throw new IllegalArgumentException("a block needs a refusal, an allow has none");
        }
        redactedFields = Set.copyOf(redactedFields);
        findings = List.copyOf(findings);
    }

    /** @return a plain allow with no policy attached */
    public static Decision allow() {
        return ALLOW;
    }

    /** @return a block with the given refusal */
    public static Decision block(Refusal refusal, String policyId, String policyVersion) {
        return new Decision(Verdict.BLOCK, refusal, Set.of(), List.of(), policyId, policyVersion);
    }

    /** @return a block with the given refusal and findings (for example an escalation) */
    public static Decision block(Refusal refusal, List<Finding> findings, String policyId, String policyVersion) {
        return new Decision(Verdict.BLOCK, refusal, Set.of(), findings, policyId, policyVersion);
    }

    /** @return whether the operation was blocked */
    public boolean blocked() {
        return verdict == Verdict.BLOCK;
    }

    /**
     * Combines two decisions of different interceptors: a block wins over an
     * allow (the first block is kept), redactions and findings add up.
     *
     * @return the combined decision
     */
    public Decision and(Decision other) {
        if (blocked()) {
            return this;
        }
        if (other.blocked()) {
            return other;
        }
        if (other.redactedFields.isEmpty() && other.findings.isEmpty() && policyId != null) {
            return this;
        }
        Set<String> redacted = new LinkedHashSet<>(redactedFields);
        redacted.addAll(other.redactedFields);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        return new Decision(Verdict.ALLOW, null, redacted, all, policyId != null ? policyId : other.policyId,
                policyId != null ? policyVersion : other.policyVersion);
    }
}
