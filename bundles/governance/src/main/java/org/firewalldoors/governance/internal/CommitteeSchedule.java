package org.firewalldoors.governance.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interface committee's cadence for one year (G3): a monthly operational meeting on the first Tuesday of each
 * month and a quarterly strategic review on the third Thursday of the quarter's last month, at 15:00 UTC, each
 * chaired by the head of medical affairs (G1) with the members invited (G2).
 */
final class CommitteeSchedule {

    /** The meeting kind of the committee. */
    static final String KIND = "INTERFACE_COMMITTEE";
    /** The cadence of the monthly operational meeting. */
    static final String MONTHLY = "MONTHLY_OPERATIONAL";
    /** The cadence of the quarterly strategic review. */
    static final String QUARTERLY = "QUARTERLY_STRATEGIC";

    private static final LocalTime AT = LocalTime.of(15, 0);

    private CommitteeSchedule() {
    }

    /**
     * @param year      the year
     * @param chair     the user id of the head of medical affairs
     * @param attendees the user ids invited besides the chair
     * @return the fields of the 16 meetings, in date order
     */
    static List<Map<String, Object>> meetings(int year, String chair, List<String> attendees) {
        List<Map<String, Object>> meetings = new ArrayList<>();
        List<String> invited = new ArrayList<>();
        invited.add(chair);
        attendees.stream().filter(a -> !a.equals(chair)).distinct().forEach(invited::add);
        for (Month month : Month.values()) {
            LocalDate monthly = LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
            meetings.add(meeting("Interface committee: monthly operational meeting, "
                    + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year, MONTHLY, monthly, chair, invited));
            if (month.getValue() % 3 == 0) {
                LocalDate quarterly = LocalDate.of(year, month, 1)
                        .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
                meetings.add(meeting("Interface committee: quarterly strategic review, Q" + month.getValue() / 3 + " "
                        + year, QUARTERLY, quarterly, chair, invited));
            }
        }
        meetings.sort((a, b) -> ((String) a.get("scheduledAt")).compareTo((String) b.get("scheduledAt")));
        return meetings;
    }

    private static Map<String, Object> meeting(String title, String cadence, LocalDate day, String chair,
            List<String> attendees) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("kind", KIND);
        m.put("cadence", cadence);
        m.put("chair", chair);
        m.put("attendees", List.copyOf(attendees));
        m.put("agenda", List.of());
        m.put("scheduledAt", day.atTime(AT).atOffset(ZoneOffset.UTC).toInstant().toString());
        m.put("minutesApproved", false);
        return m;
    }
}
