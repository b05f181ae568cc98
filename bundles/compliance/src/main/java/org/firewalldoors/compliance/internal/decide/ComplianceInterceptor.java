package org.firewalldoors.compliance.internal.decide;

import java.util.LinkedHashMap;
import java.util.Map;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
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
@Component(service = OperationInterceptor.class)
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
        if (decision.blocked()) {
            Refusal r = decision.refusal();
            // Rule ids and who did what, never record content.
            boolean filtering = r.kind() == RefusalKind.CONCEALED
                    && (op.action() == Action.READ || op.action() == Action.EXPORT);
            LOG.log(filtering ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, "refused {0} {1} {2} by {3} in {4} via {5}: rule {6} ({7}), policy {8} {9}",
                    op.action(), op.recordType().name(), op.recordId(), op.actor().id(), op.region(),
                    op.caller().channel(), r.ruleId(), r.requirement(), decision.policyId(), decision.policyVersion());
            audit.append(event(op, decision, "BLOCK", r.ruleId(), r.requirement(), r.message()));
        } else {
            events.allowed(op); // the event history of X8 follows what the firewall lets through
        }
        for (Finding f : decision.findings()) {
            audit.append(event(op, decision, f.kind().name(), f.ruleId(), f.requirement(), f.message()));
            if (f.kind() == FindingKind.FLAG) {
                reviews.open(f.requirement(), op.region(), f.ruleId(), f.requirement(), op.recordType().name(),
                        op.recordId(), op.actor().id(), complianceOfficer(op.region()), f.message());
            } else if (f.kind() == FindingKind.ESCALATE) {
                escalations.raise(op.region(), "DECISION", f.ruleId(), f.requirement(), op.actor().id(),
                        f.message() + " (" + op.actor().id() + ", " + op.action() + " " + op.recordType().name() + ")",
                        op.recordType().name(), op.recordId());
            }
        }
        return decision;
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
