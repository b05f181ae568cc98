package org.firewalldoors.compliance.internal.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.AuditVerification;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry;
import org.firewalldoors.compliance.internal.evaluation.Evaluation;
import org.firewalldoors.compliance.internal.evaluation.PolicyEvaluation;
import org.firewalldoors.compliance.internal.oversight.Escalation;
import org.firewalldoors.compliance.internal.oversight.JdbcEscalations;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands of scope {@code firewall}: regions and their modules,
 * policies (with refused documents and why), audit verification, escalations, and the evaluation of an
 * active policy on a labelled corpus (issue 15).
 */
@Component(service = FirewallCommands.class, property = { "osgi.command.scope=firewall",
        "osgi.command.function=regions", "osgi.command.function=enable", "osgi.command.function=disable",
        "osgi.command.function=policies", "osgi.command.function=verify", "osgi.command.function=escalations",
        "osgi.command.function=evaluate" })
public final class FirewallCommands {

    @Reference
    RegionAdmin regions;
    @Reference
    PolicyRegistry registry;
    @Reference
    AuditTrail audit;
    @Reference
    JdbcEscalations escalations;

    /** Lists the regions with their modules and policies. */
    public String regions() {
        if (regions.regions().isEmpty()) {
            return "No region is configured (see load/org.firewalldoors.region-<name>.cfg).";
        }
        return regions.regions().values().stream()
                .map(r -> String.format("%-6s policy %-8s %-14s modules %s", r.code(), r.policy(),
                        r.activePolicyVersion() == null ? "(NOT ACTIVE)" : "v" + r.activePolicyVersion(),
                        modules(r.modules())))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String modules(List<String> modules) {
        return modules.isEmpty() ? "(none)" : String.join(",", modules);
    }

    /** Switches a module on in a region. */
    public String enable(String region, String module) throws IOException {
        return change(region, module, true);
    }

    /** Switches a module off in a region. */
    public String disable(String region, String module) throws IOException {
        return change(region, module, false);
    }

    private String change(String region, String module, boolean on) throws IOException {
        try {
            RegionAdmin.View v = regions.setModule("shell", region, module, on);
            return "Region " + v.code() + " modules: " + modules(v.modules());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "Refused: " + e.getMessage();
        }
    }

    /**
     * {@code firewall:evaluate <policy> <corpus>}: measures the active policy with that id on a labelled corpus (a
     * {@code .jsonl} file or a folder of them) and prints precision, recall and false refusals per language and
     * rule on its held-out split, then the misses.
     */
    public String evaluate(String policy, String corpus) throws IOException {
        return evaluate(policy, corpus, "test");
    }

    /** As {@link #evaluate(String, String)}, on the split given: {@code test}, {@code train} or {@code all}. */
    public String evaluate(String policy, String corpus, String split) throws IOException {
        CompiledPolicy p = registry.policies().stream().filter(c -> c.id().equals(policy)).findFirst().orElse(null);
        if (p == null) {
            return "No active policy '" + policy + "'.";
        }
        try {
            return Evaluation.of(p, PolicyEvaluation.corpus(Path.of(corpus)), split).report();
        } catch (IllegalArgumentException e) {
            return "Refused: " + e.getMessage();
        }
    }

    /** Shows the active policies and the refused documents with the reason. */
    public String policies() {
        StringBuilder b = new StringBuilder();
        List<CompiledPolicy> active = registry.policies();
        b.append(active.isEmpty() ? "No active policy." : "Active policies:");
        active.forEach(p -> b.append(String.format("%n  %-8s v%-8s region %-4s %3d rules/doors  from %s", p.id(),
                p.version(), p.region(), p.size(), p.source())));
        registry.superseded().forEach(p -> b.append(String.format("%nSuperseded %-8s v%-8s from %s by %s", p.id(),
                p.version(), p.bundle(), p.supersededBy())));
        registry.refused().forEach(r -> b.append(String.format("%nRefused %s %s at %s: %s", r.bundle(), r.document(),
                r.at(), r.reason())));
        return b.toString();
    }

    /** Verifies the audit trail. */
    public String verify() {
        AuditVerification v = audit.verify();
        return v.valid() ? "Audit trail intact: " + v.entries() + " entries."
                : "AUDIT TRAIL BROKEN at entry " + v.firstBadEntry() + " of " + v.entries() + ".";
    }

    /** Lists the open escalations of every region that is configured or has a policy. */
    public String escalations() {
        java.util.SortedSet<String> codes = new java.util.TreeSet<>(regions.regions().keySet());
        registry.policies().forEach(p -> codes.add(p.region()));
        if (codes.isEmpty()) {
            return "No region is configured and no policy is active.";
        }
        return codes.stream().map(this::escalations).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Lists the open escalations of a region. */
    public String escalations(String region) {
        String code = region.trim().toUpperCase(java.util.Locale.ROOT);
        List<Escalation> open = escalations.list(code).stream()
                .filter(e -> Escalation.OPEN.equals(e.status())).toList();
        if (open.isEmpty()) {
            return "No open escalation in " + code + ".";
        }
        return open.size() + " open escalation" + (open.size() == 1 ? "" : "s") + " in " + code + ":"
                + open.stream().map(e -> String.format("%n  %s %s %-4s %-40s by %s: %s", e.id(), e.createdAt(),
                        e.requirement(), e.rule(), e.actor(), e.description())).collect(Collectors.joining());
    }
}
