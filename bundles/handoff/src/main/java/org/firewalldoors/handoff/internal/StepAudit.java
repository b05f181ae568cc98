package org.firewalldoors.handoff.internal;

import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.PolicyInfo;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.Caller;

/**
 * Documents every step of the hand-off and every refusal of this module in
 * the audit trail: who, what, when (the trail's time stamp), which inquiry, and
 * under which policy id and version (H8).
 */
final class StepAudit {

    private final AuditTrail trail;
    private final DecisionPoint decisionPoint;

    StepAudit(AuditTrail trail, DecisionPoint decisionPoint) {
        this.trail = trail;
        this.decisionPoint = decisionPoint;
    }

    /** Records a step that took effect, with the values it changed. */
    void step(Caller caller, Step step, String inquiryId, String message, Map<String, Object> oldValues,
            Map<String, Object> newValues) {
        append(caller, step, inquiryId, "STEP", step.rule(), step.requirement, message, oldValues, newValues);
    }

    /** Records a step this module refused; nothing was stored. */
    void refused(Caller caller, Step step, String inquiryId, String rule, String requirement, String message) {
        append(caller, step, inquiryId, "BLOCK", rule, requirement, message, Map.of(), Map.of());
    }

    private void append(Caller caller, Step step, String inquiryId, String outcome, String rule, String requirement,
            String message, Map<String, Object> oldValues, Map<String, Object> newValues) {
        String region = caller.principal().region();
        Optional<PolicyInfo> policy = decisionPoint.activePolicy(region);
        trail.append(new AuditEvent(caller.principal().id(), step.action(), ScientificInquiries.RECORD_TYPE, inquiryId,
                region, outcome, rule, requirement, policy.map(PolicyInfo::id).orElse(null),
                policy.map(PolicyInfo::version).orElse(null), message + " [" + caller.channel() + "]", oldValues,
                newValues));
    }
}
