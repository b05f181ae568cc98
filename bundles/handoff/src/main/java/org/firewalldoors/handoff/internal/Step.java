package org.firewalldoors.handoff.internal;

import java.util.Locale;
import org.firewalldoors.api.handoff.InquiryStatus;

/** A step of the hand-off, as audited (H8), with the requirement it serves and the status it leads to. */
enum Step {
    SUBMIT("H1", InquiryStatus.SUBMITTED),
    LIST("H3", null),
    READ("H3", null),
    ACCEPT("H4", InquiryStatus.ACCEPTED),
    DECLINE("H4", InquiryStatus.DECLINED),
    SCHEDULE("H4", InquiryStatus.SCHEDULED),
    COMPLETE("H5", InquiryStatus.COMPLETED),
    INTEREST("H6", null),
    SAFETY_ROUTED("X1", null),
    SAFETY_FORWARDED("X1", null),
    SAFETY_ESCALATED("X1", null);

    final String requirement;
    /** The status the step moves the inquiry to, or {@code null} when it leaves the status as it is. */
    final InquiryStatus target;

    Step(String requirement, InquiryStatus target) {
        this.requirement = requirement;
        this.target = target;
    }

    /** @return the audit action, for example {@code HANDOFF_ACCEPT} */
    String action() {
        return "HANDOFF_" + name();
    }

    /** @return the id of the step as a rule, for example {@code handoff.h4.accept} */
    String rule() {
        return "handoff." + requirement.toLowerCase(Locale.ROOT) + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
