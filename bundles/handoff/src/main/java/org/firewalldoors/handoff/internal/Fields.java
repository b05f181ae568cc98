package org.firewalldoors.handoff.internal;

/** The field names of a {@code ScientificInquiry} record. */
final class Fields {

    // What the rep captures (H1): shared.
    static final String CATEGORY = "category";
    static final String QUESTION = "question";
    static final String PRODUCT = "product";
    static final String HCP_ID = "hcpId";
    static final String HCP_CONTACT = "hcpContact";
    static final String PREFERRED_CONTACT = "preferredContact";
    static final String UNSOLICITED = "unsolicited";
    static final String STATUS = "status";
    static final String SUBMITTED_BY = "submittedBy";

    // Medical Affairs' review, schedule and follow-up (H4, H5): medical only.
    static final String ASSIGNEE = "assignee";
    static final String PRIORITY = "priority";
    static final String DUE_DATE = "dueDate";
    static final String ACCEPTED_AT = "acceptedAt";
    static final String DECLINED_AT = "declinedAt";
    static final String DECLINE_REASON = "declineReason";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String MSL_NOTES = "mslNotes";
    static final String COMPLETED_AT = "completedAt";
    static final String FOLLOW_UP_DATE = "followUpDate";

    // Step 5 (H6): the summary crosses to the rep, who shared it does not.
    static final String INTEREST_SUMMARY = "interestSummary";
    static final String INTEREST_SHARED_AT = "interestSharedAt";
    static final String INTEREST_SHARED_BY = "interestSharedBy";

    // The safety forward of a potential adverse event (X1).
    static final String SAFETY_STATUS = "safetyStatus";
    static final String SAFETY_RULE = "safetyRule";
    static final String SAFETY_AWARE_AT = "safetyAwareAt";
    static final String SAFETY_DUE_AT = "safetyDueAt";
    static final String SAFETY_FORWARDED_AT = "safetyForwardedAt";
    static final String SAFETY_FORWARDED_BY = "safetyForwardedBy";
    static final String SAFETY_ESCALATED_AT = "safetyEscalatedAt";

    private Fields() {
    }
}
