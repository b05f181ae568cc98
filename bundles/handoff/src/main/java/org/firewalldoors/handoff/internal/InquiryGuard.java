package org.firewalldoors.handoff.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.PolicyInfo;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Guards {@code ScientificInquiry} records on every channel of the host, not
 * only the hand-off resource (X7):
 * <ul>
 * <li>they are written only by the hand-off workflow, which checks each step;
 * a write through any other path (the generic records resource, another
 * bundle) is denied;</li>
 * <li>Commercial sees only its own submissions: anybody else's inquiry is
 * concealed, so the medical queue never reaches Commercial (H3).</li>
 * </ul>
 * The region's policy decides these operations as well; this guard only adds
 * to it. Its blocks are audited here, as the compliance interceptor audits its
 * own.
 */
@Component(service = { OperationInterceptor.class, InquiryGuard.class }, property = InquiryGuard.MARKER + "=true")
public final class InquiryGuard implements OperationInterceptor {

    /** The service property that tells this guard from the interceptors it relies on. */
    static final String MARKER = "firewalldoors.handoff.guard";
    static final String WORKFLOW_ONLY = "handoff.x7.workflow-only";
    static final String OWN_ONLY = "handoff.h3.own-submissions-only";
    static final String FAIL_CLOSED = "handoff.x5.fail-closed";

    private static final Set<Action> WRITES = EnumSet.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.SHARE,
            Action.ASSIGN);

    @Reference
    DecisionPoint decisionPoint;
    @Reference
    AuditTrail audit;

    /** The other interceptors, the compliance interceptor among them. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(!(" + MARKER + "=true))")
    volatile List<OperationInterceptor> others = List.of();

    private final ThreadLocal<Boolean> inWorkflow = new ThreadLocal<>();

    /** Runs a write of the hand-off workflow: the guard lets its writes of inquiries through. */
    <T> T write(Supplier<T> work) {
        inWorkflow.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            inWorkflow.remove();
        }
    }

    @Override
    public Decision intercept(Operation op) {
        if (others.isEmpty() && op.recordType().guarded()) {
            // The host fails closed when no interceptor is there; this guard alone must not look like one (X5).
            return Decision.block(new Refusal(RefusalKind.POLICY_UNAVAILABLE, FAIL_CLOSED, "X5",
                    "No compliance interceptor is active; guarded operations are refused (X5).", null), null, null);
        }
        if (!ScientificInquiries.RECORD_TYPE.equals(op.recordType().name())) {
            return Decision.allow();
        }
        if (WRITES.contains(op.action())) {
            return Boolean.TRUE.equals(inWorkflow.get()) ? Decision.allow()
                    : block(op, RefusalKind.DENIED, WORKFLOW_ONLY, "X7", "Scientific inquiries are written only "
                            + "through the hand-off workflow (/api/v1/handoffs or the ScientificInquiries service), "
                            + "which checks every step (X7).");
        }
        if (op.before() != null && op.actor().function() == BusinessFunction.COMMERCIAL
                && !op.actor().id().equals(op.before().owner())) {
            return block(op, RefusalKind.CONCEALED, OWN_ONLY, "H3",
                    "Commercial sees its own scientific inquiries only, never the medical queue (H3).");
        }
        return Decision.allow();
    }

    private Decision block(Operation op, RefusalKind kind, String rule, String requirement, String message) {
        Optional<PolicyInfo> policy = decisionPoint.activePolicy(op.region());
        String id = policy.map(PolicyInfo::id).orElse(null);
        String version = policy.map(PolicyInfo::version).orElse(null);
        audit.append(new AuditEvent(op.actor().id(), op.action().name(), op.recordType().name(), op.recordId(),
                op.region(), "BLOCK", rule, requirement, id, version, message + " [" + op.caller().channel() + "]",
                Map.of(), Map.of()));
        return Decision.block(new Refusal(kind, rule, requirement, message, null), id, version);
    }
}
