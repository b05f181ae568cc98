package org.firewalldoors.api.handoff;

/**
 * Where a scientific inquiry stands: {@code SUBMITTED -> ACCEPTED | DECLINED},
 * {@code ACCEPTED -> SCHEDULED}, {@code SCHEDULED | ACCEPTED -> COMPLETED}.
 */
public enum InquiryStatus {
    /** Logged by the rep; waiting for Medical Affairs (H1, H3). */
    SUBMITTED,
    /** Taken on by an MSL (H4). */
    ACCEPTED,
    /** Declined by the MSL as not scientifically relevant (H4). */
    DECLINED,
    /** The MSL's follow-up is scheduled (H4). */
    SCHEDULED,
    /** The MSL followed up with the HCP (H5). */
    COMPLETED;

    /** @return whether an inquiry in this status may move to {@code next} */
    public boolean canMoveTo(InquiryStatus next) {
        return switch (this) {
            case SUBMITTED -> next == ACCEPTED || next == DECLINED;
            case ACCEPTED -> next == SCHEDULED || next == COMPLETED;
            case SCHEDULED -> next == COMPLETED;
            case DECLINED, COMPLETED -> false;
        };
    }
}
