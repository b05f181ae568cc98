package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.INTEREST_SUMMARY;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_DUE_AT;
import static org.firewalldoors.handoff.internal.Fields.STATUS;

import org.firewalldoors.api.handoff.InquiryStateException;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.host.CrmRecord;

/** Whether a step fits where an inquiry stands (API.md's state machine, H4, H6, X1). */
final class Transitions {

    private Transitions() {
    }

    /** @return why the step does not fit the inquiry, or {@code null} when it does */
    static InquiryStateException refusal(Step step, CrmRecord r) {
        InquiryStatus status = InquiryStatus.valueOf(String.valueOf(r.field(STATUS)));
        if (step.target != null && !status.canMoveTo(step.target)) {
            return new InquiryStateException("handoff.h4.illegal-transition", "H4",
                    "A " + status + " inquiry cannot become " + step.target + ".");
        }
        if (step == Step.COMPLETE && Safety.pending(r)) {
            return new InquiryStateException("handoff.x1.safety-forward-pending", "X1",
                    "The inquiry mentions a potential adverse event whose forward to pharmacovigilance is pending "
                            + "(due " + r.field(SAFETY_DUE_AT) + "): it cannot be completed until it is forwarded (X1).");
        }
        if (step == Step.INTEREST && (status != InquiryStatus.COMPLETED || r.field(INTEREST_SUMMARY) != null)) {
            return new InquiryStateException("handoff.h6.once-after-follow-up", "H6",
                    "The HCP's scientific interest is shared once, after the MSL's follow-up (step 5); this inquiry is "
                            + status + (r.field(INTEREST_SUMMARY) != null ? " and has it already." : "."));
        }
        if (step == Step.SAFETY_FORWARDED && !Safety.pending(r)) {
            return new InquiryStateException("handoff.x1.no-pending-forward", "X1",
                    "The inquiry has no pending safety forward.");
        }
        return null;
    }
}
