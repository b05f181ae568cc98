package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.CATEGORY;
import static org.firewalldoors.handoff.internal.Fields.QUESTION;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_DUE_AT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Notifications;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;

/** Who is told what, through the host's per-user inboxes. */
final class Notices {

    static final String SUBMITTED = "handoff.submitted";
    static final String INTEREST = "handoff.interest";
    static final String SAFETY_CASE = "safety.case-opened";

    /** The Medical Affairs roles that review the queue (H3, H4). */
    static final Set<String> REVIEWER_ROLES = Set.of("MSL", "MSL_DIRECTOR");

    private final Notifications notifications;
    private final UserDirectory users;

    Notices(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    /** @return the region's MSLs and MSL directors: Medical Affairs only, never Commercial (H3) */
    List<Principal> reviewers(String region) {
        return users.inRegion(region).stream()
                .filter(p -> p.function() == BusinessFunction.MEDICAL && REVIEWER_ROLES.contains(p.role()))
                .toList();
    }

    /**
     * @return the region's pharmacovigilance users; where there is none, the compliance officer and the head of
     *         medical affairs, who also receive escalations (X1, G7)
     */
    List<Principal> pharmacovigilance(String region) {
        List<Principal> all = users.inRegion(region);
        List<Principal> pv = all.stream().filter(p -> "PHARMACOVIGILANCE".equals(p.role())).toList();
        if (!pv.isEmpty()) {
            return pv;
        }
        return all.stream().filter(p -> p.function() == BusinessFunction.COMPLIANCE && "COMPLIANCE_OFFICER".equals(p.role())
                || p.function() == BusinessFunction.MEDICAL && "MEDICAL_HEAD".equals(p.role())).toList();
    }

    /** Step 3: the new inquiry is in the queue; only its category is told, the question stays in the record. */
    void submitted(CrmRecord r) {
        for (Principal p : reviewers(r.region())) {
            notifications.send(p.id(), SUBMITTED, "New scientific inquiry (" + r.field(CATEGORY)
                    + ") in the hand-off queue for review.", Map.of("inquiryId", r.id(), "category", r.field(CATEGORY)));
        }
    }

    /** A safety case: what the HCP reported and when it must be forwarded (X1). */
    void safetyCase(CrmRecord r) {
        for (Principal p : pharmacovigilance(r.region())) {
            notifications.send(p.id(), SAFETY_CASE, "Potential adverse event in scientific inquiry " + r.id()
                    + ": forward it to pharmacovigilance by " + r.field(SAFETY_DUE_AT) + " (X1).",
                    Map.of("inquiryId", r.id(), "dueAt", r.field(SAFETY_DUE_AT), "question", r.field(QUESTION)));
        }
    }

    /** Step 5: the submitting rep learns the general nature of the HCP's scientific interest (H6). */
    void interest(String repId, String inquiryId, String summary) {
        notifications.send(repId, INTEREST, "Medical Affairs on your scientific inquiry: " + summary,
                Map.of("inquiryId", inquiryId, "summary", summary));
    }
}
