package org.firewalldoors.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.junit.jupiter.api.Test;

/** G3: twelve monthly operational meetings and four quarterly strategic reviews a year, G1/G2 built in. */
class CommitteeScheduleTest {

    @Test
    void g3AYearHasTwelveMonthlyAndFourQuarterlyMeetings() {
        List<Map<String, Object>> year = CommitteeSchedule.meetings(2027, "medhead.us", List.of("vpcomm.us", "medhead.us"));
        assertEquals(16, year.size());
        assertEquals(12, year.stream().filter(m -> CommitteeSchedule.MONTHLY.equals(m.get("cadence"))).count());
        assertEquals(4, year.stream().filter(m -> CommitteeSchedule.QUARTERLY.equals(m.get("cadence"))).count());
        assertEquals("2027-01-05T15:00:00Z", year.get(0).get("scheduledAt"), "the first Tuesday of January 2027");
        Map<String, Object> q1 = year.stream().filter(m -> CommitteeSchedule.QUARTERLY.equals(m.get("cadence")))
                .findFirst().orElseThrow();
        assertEquals("2027-03-18T15:00:00Z", q1.get("scheduledAt"), "the third Thursday of March 2027");
        assertEquals("Interface committee: quarterly strategic review, Q1 2027", q1.get("title"));
        for (int i = 1; i < year.size(); i++) {
            assertTrue(((String) year.get(i - 1).get("scheduledAt")).compareTo((String) year.get(i).get("scheduledAt")) < 0);
        }
    }

    @Test
    void g1G2EveryMeetingIsChairedByTheCallerWithTheMembersInvited() {
        for (Map<String, Object> m : CommitteeSchedule.meetings(2027, "medhead.us", List.of("vpcomm.us", "medhead.us"))) {
            assertEquals(CommitteeSchedule.KIND, m.get("kind"));
            assertEquals("medhead.us", m.get("chair"));
            assertEquals(List.of("medhead.us", "vpcomm.us"), m.get("attendees"));
            assertEquals(false, m.get("minutesApproved"));
            assertEquals(List.of(), m.get("agenda"));
        }
    }

    @Test
    void g2TheMembersAreOnePerCommitteeRole() {
        List<Principal> region = List.of(user("rep.us", "REP"), user("vpcomm.us", "VP_COMMERCIAL"),
                user("msldir2.us", "MSL_DIRECTOR"), user("msldir.us", "MSL_DIRECTOR"), user("legal.us", "LEGAL"),
                user("compliance.us", "COMPLIANCE_OFFICER"), user("salesdir.us", "SALES_DIRECTOR"));
        assertEquals(List.of("vpcomm.us", "msldir.us", "salesdir.us", "compliance.us", "legal.us"),
                CommitteeMembers.of(region));
        assertEquals(List.of("vpcomm.us"), CommitteeMembers.of(List.of(user("vpcomm.us", "VP_COMMERCIAL"))),
                "a missing role is left out; the policy flags the meeting");
    }

    private static Principal user(String id, String role) {
        return new Principal(id, BusinessFunction.COMMERCIAL, role, "US", null);
    }
}
