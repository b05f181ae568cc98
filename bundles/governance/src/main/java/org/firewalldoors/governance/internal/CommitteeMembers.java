package org.firewalldoors.governance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.firewalldoors.api.host.Principal;

/**
 * The members of a region's interface committee besides its chair (G2): the VP Commercial, the MSL director, the
 * field sales director, the compliance officer and legal. A role nobody of the region has is simply not invited;
 * the policy flags the meeting for compliance review.
 */
final class CommitteeMembers {

    /** The roles that sit on the committee, in the order of the article. */
    static final List<String> ROLES = List.of("VP_COMMERCIAL", "MSL_DIRECTOR", "SALES_DIRECTOR", "COMPLIANCE_OFFICER",
            "LEGAL");

    private CommitteeMembers() {
    }

    /** @return one user id per committee role, from the region's users (the first by id where several hold it) */
    static List<String> of(List<Principal> regionUsers) {
        List<String> members = new ArrayList<>();
        for (String role : ROLES) {
            regionUsers.stream().filter(p -> role.equals(p.role())).map(Principal::id)
                    .min(Comparator.naturalOrder()).ifPresent(members::add);
        }
        return members;
    }
}
