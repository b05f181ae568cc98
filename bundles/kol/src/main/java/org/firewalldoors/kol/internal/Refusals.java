package org.firewalldoors.kol.internal;

import java.util.Map;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.kol.KolIntelligence;

/**
 * Refusals the KOL service decides itself, before the host is asked: each one
 * names its rule and requirement and is appended to the audit trail, like the
 * refusals of the policy (X2).
 */
final class Refusals {

    private Refusals() {
    }

    /** @return the exception to throw, after auditing the refusal */
    static OperationRefusedException refuse(AuditTrail audit, Caller caller, String action, String region,
            RefusalKind kind, String rule, String requirement, String message) {
        OperationRefusedException e = new OperationRefusedException(
                Decision.block(new Refusal(kind, rule, requirement, message, null), null, null));
        audit(audit, caller, action, region, e);
        return e;
    }

    /** Appends a refusal to the audit trail. */
    static void audit(AuditTrail audit, Caller caller, String action, String region, OperationRefusedException e) {
        Refusal r = e.refusal();
        audit.append(new AuditEvent(caller.principal().id(), action, KolIntelligence.RECORD_TYPE, null, region,
                "BLOCK", r.ruleId(), r.requirement(), e.decision().policyId(), e.decision().policyVersion(),
                r.message() + " [" + caller.channel() + "]", Map.of(), Map.of()));
    }
}
