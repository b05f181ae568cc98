package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The medical-commercial interface committee (G1-G6), under the US policy. */
class GovernanceTest {

    /** Years the tests schedule; their meetings are removed before and after each test. */
    private static final int FUTURE = 2093;
    private static final int PAST = 2003;
    private static final List<String> MEMBERS = List.of("medhead.us", "vpcomm.us", "msldir.us", "salesdir.us",
            "compliance.us", "legal.us");

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private Caller head;
    private ApiClient api;

    @BeforeEach
    void setUp() {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        head = caller(users, "medhead.us");
        api = new ApiClient(runtime, "/api/v1/committee/*");
        removeScheduledMeetings();
    }

    @AfterEach
    void removeScheduledMeetings() {
        for (CrmRecord m : records.query(head, "Meeting", Map.of("kind", "INTERFACE_COMMITTEE"))) {
            String at = String.valueOf(m.field("scheduledAt"));
            if (m.field("cadence") != null && (at.startsWith(FUTURE + "-") || at.startsWith(PAST + "-"))) {
                records.delete(head, "Meeting", m.id());
            }
        }
    }

    private static Map<String, Object> committee(List<String> attendees, List<Object> agenda) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Interface committee, ad hoc");
        m.put("kind", "INTERFACE_COMMITTEE");
        m.put("chair", "medhead.us");
        m.put("attendees", attendees);
        m.put("agenda", agenda);
        m.put("scheduledAt", "2027-02-02T15:00:00Z");
        return m;
    }

    private static Map<String, Object> item(String category, String title) {
        return Map.of("category", category, "title", title);
    }

    private OperationRefusedException refused(Runnable op) {
        return assertThrows(OperationRefusedException.class, op::run);
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void g1TheCommitteeIsChairedByTheHeadOfMedicalAffairsOnly() throws Exception {
        Map<String, Object> chairedBySales = committee(MEMBERS, List.of());
        chairedBySales.put("chair", "vpcomm.us");
        OperationRefusedException e = refused(() -> records.create(caller(users, "vpcomm.us"), "Meeting", chairedBySales));
        assertEquals("us.g1.committee-chair", e.refusal().ruleId());
        assertEquals("G1", e.refusal().requirement());
        chairedBySales.put("chair", "msldir.us");
        assertEquals("us.g1.committee-chair", refused(() -> records.create(head, "Meeting", chairedBySales)).refusal().ruleId());
        chairedBySales.remove("chair");
        assertEquals("us.g1.committee-chair", refused(() -> records.create(head, "Meeting", chairedBySales)).refusal().ruleId());
        CrmRecord ok = records.create(head, "Meeting", committee(MEMBERS, List.of()));
        assertEquals("us.g1.committee-chair", refused(() -> records.update(caller(users, "salesdir.us"), "Meeting", ok.id(),
                Map.of("chair", "salesdir.us"), 0)).refusal().ruleId());

        HttpResponse<String> byDirector = api.send("POST", "/committee/schedule?year=" + FUTURE, "msldir.us", null);
        assertEquals(403, byDirector.statusCode(), byDirector.body());
        assertTrue(byDirector.body().contains("\"rule\":\"us.g1.committee-chair\""), byDirector.body());
        HttpResponse<String> after = api.send("GET", "/committee/schedule?year=" + FUTURE, "msldir.us", null);
        assertEquals(List.of(), ids(after.body()), "nothing of a refused schedule is stored");
    }

    @Test
    void g2ACommitteeMeetingWithoutAMemberGoesToComplianceReview() throws Exception {
        Map<String, String> ruleByMember = Map.of("vpcomm.us", "us.g2.committee-without-vp-commercial",
                "msldir.us", "us.g2.committee-without-msl-director", "salesdir.us", "us.g2.committee-without-sales-director",
                "compliance.us", "us.g2.committee-without-compliance-officer", "legal.us", "us.g2.committee-without-legal");
        Map<String, String> meetingByRule = new LinkedHashMap<>();
        ruleByMember.forEach((member, rule) -> meetingByRule.put(rule, records.create(head, "Meeting",
                committee(MEMBERS.stream().filter(m -> !m.equals(member)).toList(), List.of())).id()));
        CrmRecord full = records.create(head, "Meeting", committee(MEMBERS, List.of()));
        String reviews = api.send("GET", "/reviews?status=OPEN", "compliance.us", null).body();
        meetingByRule.forEach((rule, meeting) -> assertTrue(
                Pattern.compile("\\{[^{}]*\"rule\":\"" + Pattern.quote(rule) + "\"[^{}]*\"recordId\":\""
                        + meeting + "\"").matcher(reviews).find(), rule + " for " + meeting + ": " + reviews));
        assertFalse(reviews.contains(full.id()), "a full committee is not flagged: " + reviews);
    }

    @Test
    void g3TheYearIsScheduledMonthlyAndQuarterlyAndMissedMeetingsShowToCompliance() throws Exception {
        HttpResponse<String> created = api.send("POST", "/committee/schedule?year=" + FUTURE, "medhead.us", null);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(16, ids(created.body()).size(), created.body());
        assertEquals(12, created.body().split("MONTHLY_OPERATIONAL", -1).length - 1);
        assertEquals(4, created.body().split("QUARTERLY_STRATEGIC", -1).length - 1);
        assertEquals(409, api.send("POST", "/committee/schedule?year=" + FUTURE, "medhead.us", null).statusCode());
        assertEquals(400, api.send("POST", "/committee/schedule?year=next", "medhead.us", null).statusCode());
        CrmRecord first = records.read(caller(users, "compliance.us"), "Meeting", ids(created.body()).get(0)).orElseThrow();
        assertEquals("medhead.us", first.field("chair"));
        assertTrue(((List<?>) first.field("attendees")).containsAll(MEMBERS), first.fields().toString());

        HttpResponse<String> past = api.send("POST", "/committee/schedule?year=" + PAST, "medhead.us", null);
        assertEquals(201, past.statusCode(), past.body());
        List<String> pastIds = ids(past.body());
        HttpResponse<String> missed = api.send("GET", "/committee/missed", "compliance.us", null);
        assertEquals(200, missed.statusCode(), missed.body());
        assertTrue(ids(missed.body()).containsAll(pastIds), missed.body());
        assertTrue(ids(missed.body()).stream().noneMatch(ids(created.body())::contains), "the future is not missed");
        assertEquals(403, api.send("GET", "/committee/missed", "vpcomm.us", null).statusCode());

        records.update(caller(users, "compliance.us"), "Meeting", pastIds.get(0), Map.of("minutesApproved", true), 0);
        assertFalse(ids(api.send("GET", "/committee/missed", "compliance.us", null).body()).contains(pastIds.get(0)),
                "a meeting with approved minutes was held");
    }

    @Test
    void g4AgendaItemsComeFromTheAllowedCategories() {
        CrmRecord ok = records.create(head, "Meeting", committee(MEMBERS, List.of(
                item("KOL_LANDSCAPE", "Cardiology KOL landscape, Q1"), item("HANDOFF_PROTOCOL_REVIEW", "Inquiry volumes"),
                item("MEDICAL_EDUCATION_PLANNING", "Spring symposium"), item("BOUNDARY_DISPUTES", "Two concerns filed"),
                item("DATA_RELEASES", "Phase 3 readout in May"))));
        OperationRefusedException e = refused(() -> records.update(head, "Meeting", ok.id(), Map.of("agenda",
                List.of(item("KOL_LANDSCAPE", "a"), item("GOLF_OUTING", "Team building"))), 0));
        assertEquals("us.g4.committee-agenda-category", e.refusal().ruleId());
        assertEquals(List.of("GOLF_OUTING"), e.refusal().offending());
        assertEquals("us.g4.committee-agenda-category", refused(() -> records.create(head, "Meeting",
                committee(MEMBERS, List.of("Any other business")))).refusal().ruleId(), "an item needs a category");
    }

    @Test
    void g5ForbiddenItemsAreRefusedByCategoryAndByTitle() throws Exception {
        List<String> noMedical = List.of("vpcomm.us", "salesdir.us", "compliance.us", "legal.us");
        OperationRefusedException category = refused(() -> records.create(head, "Meeting",
                committee(noMedical, List.of(item("SALES_TARGETS", "Q3")))));
        assertEquals("us.g5.committee-forbidden-category", category.refusal().ruleId());
        assertEquals("G5", category.refusal().requirement());
        HttpResponse<String> title = api.send("POST", "/records/Meeting", "medhead.us", """
                {"title": "Interface committee", "kind": "INTERFACE_COMMITTEE", "chair": "medhead.us",
                 "attendees": ["vpcomm.us", "compliance.us", "legal.us"],
                 "agenda": [{"category": "BOUNDARY_DISPUTES", "title": "Rep performance by territory"}]}""");
        assertEquals(422, title.statusCode(), title.body());
        assertTrue(title.body().contains("\"rule\":\"us.g5.committee-forbidden-title\""), title.body());
        assertTrue(title.body().contains("Rep performance"), title.body());
        OperationRefusedException attended = refused(() -> records.create(head, "Meeting", committee(MEMBERS,
                List.of(item("DATA_RELEASES", "MSL call frequency objectives for Q3")))));
        assertEquals(RefusalKind.CONTENT, attended.refusal().kind());
        assertEquals("us.g5.committee-forbidden-title", attended.refusal().ruleId(),
                "with Medical Affairs attending, the committee's own rule is the one the chair is told (not O1)");
    }

    @Test
    void g6MinutesNeedTheComplianceOfficerAmongTheAttendees() {
        List<String> withoutCompliance = List.of("medhead.us", "vpcomm.us", "msldir.us", "salesdir.us", "legal.us");
        CrmRecord meeting = records.create(head, "Meeting", committee(withoutCompliance, List.of()));
        OperationRefusedException e = refused(() -> records.update(caller(users, "compliance.us"), "Meeting",
                meeting.id(), Map.of("minutesApproved", true), 0));
        assertEquals("us.g6.minutes-without-compliance-officer", e.refusal().ruleId());
        assertEquals("G6", e.refusal().requirement());
        assertEquals(false, records.read(head, "Meeting", meeting.id()).orElseThrow().fields()
                .getOrDefault("minutesApproved", false), "nothing of the refused approval is stored");
        records.update(head, "Meeting", meeting.id(), Map.of("attendees", MEMBERS), 0);
        records.update(caller(users, "compliance.us"), "Meeting", meeting.id(), Map.of("minutesApproved", true), 0);
        assertEquals(true, records.read(head, "Meeting", meeting.id()).orElseThrow().field("minutesApproved"));
        assertEquals("us.g6.minutes-without-compliance-officer", refused(() -> records.update(head, "Meeting",
                meeting.id(), Map.of("attendees", withoutCompliance), 0)).refusal().ruleId(),
                "approved minutes keep the compliance officer among the attendees");
    }

    @Test
    void g6OnlyTheComplianceOfficerWhoAttendedApprovesTheMinutesInTheirOwnRequest() throws Exception {
        List<String> withoutCompliance = List.of("medhead.us", "vpcomm.us", "msldir.us", "salesdir.us", "legal.us");
        String id = records.create(head, "Meeting", committee(withoutCompliance, List.of())).id();
        String attendAndApprove = "{\"attendees\": [\"" + String.join("\", \"", MEMBERS) + "\"], \"minutesApproved\": true}";
        HttpResponse<String> byChair = api.send("PUT", "/records/Meeting/" + id, "medhead.us", attendAndApprove);
        assertEquals(403, byChair.statusCode(), byChair.body());
        assertTrue(byChair.body().contains("\"rule\":\"us.g6.minutes-approved-by-compliance-officer\""), byChair.body());
        HttpResponse<String> byOfficer = api.send("PUT", "/records/Meeting/" + id, "compliance.us", attendAndApprove);
        assertEquals(403, byOfficer.statusCode(), byOfficer.body());
        assertTrue(byOfficer.body().contains("\"rule\":\"us.g6.minutes-approver-attended\""), byOfficer.body());
        CrmRecord stored = records.read(head, "Meeting", id).orElseThrow();
        assertEquals(false, stored.fields().getOrDefault("minutesApproved", false), "nothing of either is stored");
        assertFalse(((List<?>) stored.field("attendees")).contains("compliance.us"), stored.fields().toString());

        records.update(head, "Meeting", id, Map.of("attendees", MEMBERS), 0);
        HttpResponse<String> chairAgain = api.send("PUT", "/records/Meeting/" + id, "medhead.us",
                "{\"minutesApproved\": true}");
        assertEquals(403, chairAgain.statusCode(), "the chair cannot approve for the compliance officer: "
                + chairAgain.body());
        HttpResponse<String> approved = api.send("PUT", "/records/Meeting/" + id, "compliance.us",
                "{\"minutesApproved\": true}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(true, records.read(head, "Meeting", id).orElseThrow().field("minutesApproved"));
    }
}
