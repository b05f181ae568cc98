package org.firewalldoors.compliance.internal.policy;

import java.util.List;

/**
 * A rule whose conditions all hold for an operation, whatever other rules decide: what the evaluation of a policy
 * against a labelled corpus counts (issue 15).
 *
 * @param ruleId      the rule's id
 * @param requirement the requirement id it enforces
 * @param blocks      whether it is a BLOCK (else a FLAG or a routing)
 * @param quoted      the words it quotes, as written, each once
 */
public record RuleHit(String ruleId, String requirement, boolean blocks, List<String> quoted) {

    /** Copies the quotes. */
    public RuleHit {
        quoted = List.copyOf(quoted);
    }
}
