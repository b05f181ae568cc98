package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.handoff.Inquiry;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Principal;

/**
 * An inquiry as one caller may see it. The firewall already redacts the
 * medical-only fields from what Commercial reads; this view does not rely on
 * it: a rep is shown only the status, the step-5 summary and the safety flag
 * of their own submission (H5), by a list of what may be shown.
 */
final class Views {

    /** What a rep sees besides id, status and submission time. */
    static final List<String> REP = List.of(INTEREST_SUMMARY, INTEREST_SHARED_AT);

    /** What Medical Affairs (and Compliance) see besides id, status and submission time. */
    static final List<String> FULL = List.of(SUBMITTED_BY, CATEGORY, QUESTION, PRODUCT, HCP_ID, HCP_CONTACT,
            PREFERRED_CONTACT, UNSOLICITED, ASSIGNEE, PRIORITY, DUE_DATE, ACCEPTED_AT, DECLINED_AT, DECLINE_REASON,
            SCHEDULED_AT, MSL_NOTES, COMPLETED_AT, FOLLOW_UP_DATE, INTEREST_SUMMARY, INTEREST_SHARED_AT,
            INTEREST_SHARED_BY);

    private Views() {
    }

    static Inquiry of(CrmRecord r, Principal viewer) {
        boolean full = viewer.function() != BusinessFunction.COMMERCIAL;
        Map<String, Object> details = new LinkedHashMap<>();
        if (full) {
            details.put("region", r.region());
            details.put("version", r.version());
        }
        for (String name : full ? FULL : REP) {
            if (r.field(name) != null) {
                details.put(name, r.field(name));
            }
        }
        Map<String, Object> safety = Safety.view(r, full);
        if (!safety.isEmpty()) {
            details.put("safety", safety);
        }
        return new Inquiry(r.id(), InquiryStatus.valueOf(String.valueOf(r.field(STATUS))), r.createdAt(), details);
    }
}
