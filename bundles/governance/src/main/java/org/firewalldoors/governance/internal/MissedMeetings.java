package org.firewalldoors.governance.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.CrmRecord;

/** Committee meetings that were due and have no approved minutes (G3, G6): what compliance follows up. */
final class MissedMeetings {

    private MissedMeetings() {
    }

    /** @return the missed ones among the meetings, oldest first, as the API shows them */
    static List<Map<String, Object>> of(List<CrmRecord> meetings, Instant now) {
        return meetings.stream()
                .filter(m -> CommitteeSchedule.KIND.equals(m.field("kind")))
                .filter(m -> !Boolean.TRUE.equals(m.field("minutesApproved")))
                .filter(m -> scheduledBefore(m, now))
                .sorted(Comparator.comparing(m -> String.valueOf(m.field("scheduledAt"))))
                .map(MissedMeetings::summary)
                .toList();
    }

    private static boolean scheduledBefore(CrmRecord m, Instant now) {
        if (!(m.field("scheduledAt") instanceof String at)) {
            return false;
        }
        try {
            return Instant.parse(at).isBefore(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Map<String, Object> summary(CrmRecord m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", m.id());
        s.put("title", m.field("title"));
        s.put("cadence", m.field("cadence"));
        s.put("scheduledAt", m.field("scheduledAt"));
        s.put("chair", m.field("chair"));
        s.put("minutesApproved", Boolean.TRUE.equals(m.field("minutesApproved")));
        return s;
    }
}
