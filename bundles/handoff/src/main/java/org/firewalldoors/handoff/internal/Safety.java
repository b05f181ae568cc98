package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.SAFETY_AWARE_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_DUE_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_ESCALATED_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_FORWARDED_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_FORWARDED_BY;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_RULE;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_STATUS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;

/** The safety forward of an inquiry that mentions a potential adverse event (X1), as fields of the inquiry. */
final class Safety {

    static final String PENDING = "PENDING";
    static final String FORWARDED = "FORWARDED";

    private Safety() {
    }

    /**
     * Asks the decision point how the region's policy sees a capture, described
     * as the host will describe it, to learn of a safety routing before the
     * record is stored: the store answers with what it stored, not with the
     * findings of its decision. The store's own decision still refuses or lets
     * the capture through, and the compliance interceptor audits its findings.
     *
     * @return the policy's ROUTE_TO_SAFETY finding for the capture, if any
     */
    static Optional<Finding> finding(DecisionPoint decisionPoint, RecordTypeDescriptor type, Caller caller,
            Map<String, Object> fields) {
        Principal actor = caller.principal();
        Operation op = new Operation(caller, Action.CREATE, type, null, null, fields,
                List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, actor),
                        new RelatedPrincipal(Fields.SUBMITTED_BY, actor)), actor.region());
        return decisionPoint.decide(op).findings().stream().filter(f -> f.kind() == FindingKind.ROUTE_TO_SAFETY)
                .findFirst();
    }

    /** Flags new inquiry fields: pending, routed by {@code rule}, due one business day after awareness. */
    static void open(Map<String, Object> fields, String rule, Instant awareAt, Instant dueAt) {
        fields.put(SAFETY_STATUS, PENDING);
        fields.put(SAFETY_RULE, rule);
        fields.put(SAFETY_AWARE_AT, awareAt.toString());
        fields.put(SAFETY_DUE_AT, dueAt.toString());
    }

    /** @return whether the inquiry's safety forward is still pending */
    static boolean pending(CrmRecord r) {
        return PENDING.equals(r.field(SAFETY_STATUS));
    }

    /** @return whether a pending forward was due before {@code now} and has not been escalated yet */
    static boolean overdue(CrmRecord r, Instant now) {
        return pending(r) && r.field(SAFETY_ESCALATED_AT) == null && r.field(SAFETY_DUE_AT) instanceof String due
                && Instant.parse(due).isBefore(now);
    }

    /** @return the safety section of a view: status and due time, and for Medical Affairs the rest */
    static Map<String, Object> view(CrmRecord r, boolean full) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (r.field(SAFETY_STATUS) == null) {
            return view;
        }
        view.put("status", r.field(SAFETY_STATUS));
        view.put("dueAt", r.field(SAFETY_DUE_AT));
        if (full) {
            copy(r, SAFETY_RULE, "rule", view);
            copy(r, SAFETY_AWARE_AT, "awareAt", view);
            copy(r, SAFETY_FORWARDED_AT, "forwardedAt", view);
            copy(r, SAFETY_FORWARDED_BY, "forwardedBy", view);
            copy(r, SAFETY_ESCALATED_AT, "escalatedAt", view);
        }
        return view;
    }

    private static void copy(CrmRecord r, String field, String as, Map<String, Object> into) {
        if (r.field(field) != null) {
            into.put(as, r.field(field));
        }
    }
}
