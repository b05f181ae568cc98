package org.firewalldoors.compliance.internal.decide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.ListOutcome;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.compliance.internal.events.EventLedger;
import org.firewalldoors.compliance.internal.oversight.JdbcEscalations;
import org.firewalldoors.compliance.internal.oversight.ReviewQueue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The interceptor the host calls with every operation: asks the decision
 * point, then records what the decision says must be recorded: every block,
 * redaction, flag (review item), escalation and door crossing goes to the
 * audit trail with the policy id and version (X2, X6, G7). Allowed writes of
 * medical education events also go to the event history (X8).
 */
@Component(service = OperationInterceptor.class, property = "org.firewalldoors.decision=compliance")
public final class ComplianceInterceptor implements OperationInterceptor {

    private static final System.Logger LOG = System.getLogger(ComplianceInterceptor.class.getName());

    @Reference
    ComplianceDecisionPoint decisionPoint;
    @Reference
    AuditTrail audit;
    @Reference
    ReviewQueue reviews;
    @Reference
    JdbcEscalations escalations;
    @Reference
    UserDirectory users;
    @Reference
    EventLedger events;

    @Override
    public Decision intercept(Operation op) {
        Decision decision = decisionPoint.decide(op);
        if (inList(op)) {
            // One record of a query or export: what the list came to is recorded once, in listed().
            recordListFindings(op, decision);
            return decision;
        }
        if (decision.blocked()) {
            Refusal r = decision.refusal();
            // Rule ids and who did what, never record content.
            boolean filtering = r.kind() == RefusalKind.CONCEALED
                    && (op.action() == Action.READ || op.action() == Action.EXPORT);
            LOG.log(filtering ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, "refused {0} {1} {2} by {3} in {4} via {5}: rule {6} ({7}), policy {8} {9}",
                    op.action(), op.recordType().name(), op.recordId(), op.actor().id(), op.region(),
                    op.caller().channel(), r.ruleId(), r.requirement(), decision.policyId(), decision.policyVersion());
            audit.append(event(op, decision, "BLOCK", r.ruleId(), r.requirement(), r.message()));
        }
        for (Finding f : decision.findings()) {
            audit.append(event(op, decision, f.kind().name(), f.ruleId(), f.requirement(), f.message()));
            if (f.kind() == FindingKind.FLAG) {
                reviews.open(f.requirement(), op.region(), f.ruleId(), f.requirement(), op.recordType().name(),
                        op.recordId(), op.actor().id(), complianceOfficer(op.region()), f.message(),
                        FlaggedExcerpt.of(op.after(), f.message()));
            } else if (f.kind() == FindingKind.ESCALATE) {
                escalations.raise(op.region(), "DECISION", f.ruleId(), f.requirement(), op.actor().id(),
                        f.message() + " (" + op.actor().id() + ", " + op.action() + " " + op.recordType().name() + ")",
                        op.recordType().name(), op.recordId());
            }
        }
        return decision;
    }

    /**
     * One audit entry per query or export in which the firewall kept something back or let something cross a
     * door: counts, no record content, no record ids (X2, K3).
     */
    @Override
    public void listed(Operation collection, ListOutcome outcome) {
        if (!outcome.firewallActed()) {
            return;
        }
        String message = collection.action() + " of " + collection.recordType().name() + ": " + outcome.shown()
                + " shown, " + outcome.concealed() + " concealed, " + outcome.redacted() + " with fields withheld"
                + (outcome.crossings().isEmpty() ? "" : ", through doors " + outcome.crossings())
                + " [" + collection.caller().channel() + "]";
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("decided", outcome.decided());
        counts.put("shown", outcome.shown());
        counts.put("concealed", outcome.concealed());
        counts.put("redacted", outcome.redacted());
        counts.put("crossings", outcome.crossings());
        counts.put("criteria", new ArrayList<>(collection.after().keySet()));
        audit.append(new AuditEvent(collection.actor().id(), collection.action().name(),
                collection.recordType().name(), null, collection.region(), "LIST", null, null, outcome.policyId(),
                outcome.policyVersion(), message, Map.of(), counts));
    }

    /**
     * One audit entry per allowed write, in the write's transaction: who, what, which record, its version and
     * the policy version; the names of the fields written, never their values (X2, H8).
     */
    @Override
    public void applied(Operation op, Decision d, long version) {
        // The event history of X8 follows the writes that are applied; an event is decided again under its HCPs' locks.
        try {
            events.allowed(op, () -> decisionPoint.decide(op));
        } catch (OperationRefusedException refused) {
            // Another write took the last place meanwhile (X8): this one rolls back, and its refusal is audited.
            Decision again = refused.decision();
            Refusal r = again.refusal();
            audit.append(event(op, again, "BLOCK", r.ruleId(), r.requirement(), r.message()));
            throw refused;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("version", version);
        if (op.action() == Action.SHARE) {
            what.put("recipients", op.related(RelatedPrincipal.RECIPIENT).stream().map(Principal::id).toList());
        } else if (op.action() != Action.DELETE) {
            what.put("fields", new ArrayList<>(changedFields(op)));
        }
        audit.append(new AuditEvent(op.actor().id(), op.action().name(), op.recordType().name(), op.recordId(),
                op.region(), "ALLOW", null, null, d.policyId(), d.policyVersion(),
                op.action() + " of " + op.recordType().name() + " " + op.recordId() + ", now at version " + version
                        + " [" + op.caller().channel() + "]", Map.of(), what));
    }

    private static java.util.Set<String> changedFields(Operation op) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        op.after().forEach((k, v) -> {
            if (op.before() == null || !Objects.equals(op.before().field(k), v)) {
                changed.add(k);
            }
        });
        if (op.before() != null) {
            op.before().fields().keySet().stream().filter(k -> !op.after().containsKey(k)).forEach(changed::add);
        }
        return changed;
    }

    /** @return whether the operation decides one stored record of a query or export */
    private static boolean inList(Operation op) {
        return (op.action() == Action.QUERY || op.action() == Action.EXPORT) && op.before() != null;
    }

    /** Flags and escalations on one record of a list still go their way; concealment, redaction and crossings
     * are counted in the list's one entry. */
    private void recordListFindings(Operation op, Decision decision) {
        for (Finding f : decision.findings()) {
            if (f.kind() == FindingKind.FLAG || f.kind() == FindingKind.ESCALATE
                    || f.kind() == FindingKind.ROUTE_TO_SAFETY) {
                audit.append(event(op, decision, f.kind().name(), f.ruleId(), f.requirement(), f.message()));
            }
        }
    }

    private String complianceOfficer(String region) {
        return users.inRegion(region).stream().filter(p -> "COMPLIANCE_OFFICER".equals(p.role()))
                .map(Principal::id).sorted().findFirst().orElse(null);
    }

    private static AuditEvent event(Operation op, Decision d, String outcome, String rule, String requirement,
            String message) {
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        boolean write = op.action() == Action.CREATE || op.action() == Action.UPDATE || op.action() == Action.ASSIGN;
        if (write) {
            op.after().forEach((k, v) -> {
                Object before = op.before() == null ? null : op.before().field(k);
                if (before == null ? v != null : !before.equals(v)) {
                    newValues.put(k, v);
                    if (before != null) {
                        oldValues.put(k, before);
                    }
                }
            });
        }
        return new AuditEvent(op.actor().id(), op.action().name(), op.recordType().name(), op.recordId(),
                op.region(), outcome, rule, requirement, d.policyId(), d.policyVersion(),
                message + " [" + op.caller().channel() + "]", oldValues, newValues);
    }
}
