package org.firewalldoors.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;

/** Compares the decisions of our engine and of the Cedar policy on the operation mix. */
public final class Equivalence {

    /** One kind of operation and what both engines answered. */
    public record Row(String name, String ours, String cedar, boolean agree) {
    }

    private Equivalence() {
    }

    /**
     * @return our decision in the terms Cedar can answer (ALLOW or BLOCK, with the determining rule ids),
     *         then what Cedar cannot answer (escalation, withheld fields)
     */
    static String ours(Decision d) {
        String escalate = d.findings().stream().anyMatch(f -> f.kind() == FindingKind.ESCALATE) ? " +escalate" : "";
        if (d.blocked()) {
            return "BLOCK " + Set.of(d.refusal().ruleId()) + escalate;
        }
        Set<String> flags = new TreeSet<>();
        for (Finding f : d.findings()) {
            if (f.kind() == FindingKind.FLAG && !statistical(f)) {
                flags.add(f.ruleId());
            }
        }
        String withheld = d.redactedFields().isEmpty() ? "" : " withhold " + new TreeSet<>(d.redactedFields());
        return "ALLOW " + flags + escalate + withheld;
    }

    static String cedar(CedarFirewall.Answer a) {
        Set<String> reasons = new TreeSet<>(a.reasons());
        reasons.remove("base");
        return (a.allowed() ? "ALLOW " : "BLOCK ") + reasons;
    }

    /**
     * Agreement: the same verdict; for a block, our refusing rule among Cedar's determining forbid
     * policies (Cedar reports every forbid that holds, we report the first); for an allow, the same flags.
     */
    static boolean agree(Decision d, CedarFirewall.Answer a) {
        if (d.blocked() == a.allowed()) {
            return false;
        }
        if (d.blocked()) {
            return a.reasons().contains(d.refusal().ruleId());
        }
        Set<String> flags = new TreeSet<>(a.reasons());
        flags.remove("base");
        Set<String> ours = new TreeSet<>();
        d.findings().stream().filter(f -> f.kind() == FindingKind.FLAG && !statistical(f))
                .forEach(f -> ours.add(f.ruleId()));
        return flags.equals(ours);
    }

    /**
     * A flag of the policy's classifier (issue 15): Cedar has no statistical tier to translate it into, so the rule
     * layers are compared without it (our decisions are still timed with it).
     */
    static boolean statistical(Finding f) {
        return f.ruleId().contains(".classifier.");
    }

    /** @return one row per kind of operation of the mix */
    public static List<Row> check(CompiledPolicy policy, CedarFirewall cedar) {
        PolicyEngine engine = new PolicyEngine(Fixtures.users());
        List<Row> rows = new ArrayList<>();
        for (OperationMix.Sample s : OperationMix.samples()) {
            Decision d = engine.decide(policy, s.operation());
            CedarFirewall.Answer a = cedar.authorize(CedarFirewall.translate(s.operation()));
            rows.add(new Row(s.name(), ours(d), cedar(a), agree(d, a)));
        }
        return rows;
    }
}
