package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Door 4, medical education events (E1-E4) and the industry codes for them (X8), under the US policy. */
class EducationEventTest {

    private static final String EVENT = "MedicalEducationEvent";

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private Caller rep;
    private Caller msl;
    private ApiClient api;

    @BeforeEach
    void setUp() {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        rep = caller(users, "rep.us");
        msl = caller(users, "msl.us");
        api = new ApiClient(runtime, "/api/v1/reviews");
    }

    /** An event as Medical Affairs designs it: scientific content, a recorded need, a scientific session. */
    private static Map<String, Object> design(String type, String topic, String startsAt) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", "Update on " + topic);
        e.put("eventType", type);
        e.put("topic", topic);
        e.put("startsAt", startsAt);
        e.put("objective", "Review the evidence on diuretic resistance in heart failure");
        e.put("educationalNeed", "Survey: 60% of attendees unsure of the 2026 guideline on diuretic dosing");
        e.put("content", List.of("Guideline review", "Case discussion"));
        e.put("sessions", List.of(Map.of("kind", "SCIENTIFIC", "attendees", List.of("msl.us"))));
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> fields, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    private OperationRefusedException refused(Runnable op) {
        return assertThrows(OperationRefusedException.class, op::run);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void e1CommercialCannotEditTheScientificContent() {
        CrmRecord event = records.create(msl, EVENT, design("SYMPOSIUM", unique("HF"), "2027-02-01"));
        assertEquals("us.e1.commercial-edits-event-objective", refused(() -> records.update(rep, EVENT, event.id(),
                Map.of("objective", "Position our product as first line"), 0)).refusal().ruleId());
        assertEquals("us.e1.commercial-edits-educational-need", refused(() -> records.update(rep, EVENT, event.id(),
                Map.of("educationalNeed", "reps asked for it"), 0)).refusal().ruleId());
        OperationRefusedException content = refused(() -> records.update(rep, EVENT, event.id(),
                Map.of("content", List.of("Our product's advantages")), 0));
        assertEquals("us.e1.commercial-edits-event-content", content.refusal().ruleId());
        assertEquals("E1", content.refusal().requirement());
        assertFalse(records.read(rep, EVENT, event.id()).orElseThrow().fields().containsKey("content"),
                "the content stays on the medical side");
    }

    @Test
    void e2CommercialOwnsTheLogisticsAndMedicalCannotEditThem() {
        CrmRecord event = records.create(msl, EVENT, design("SYMPOSIUM", unique("HF"), "2027-02-01"));
        Map<String, Object> logistics = Map.of("venue", "Marriott, Room 3", "invitees", List.of("hcp-1", "hcp-2"),
                "followUp", "reps follow up on clinical questions");
        records.update(rep, EVENT, event.id(), Map.of("logistics", logistics), 0);
        OperationRefusedException e = refused(() -> records.update(msl, EVENT, event.id(),
                Map.of("logistics", Map.of("venue", "Hilton")), 0));
        assertEquals("us.e2.medical-edits-event-logistics", e.refusal().ruleId());
        assertEquals("E2", e.refusal().requirement());
        assertEquals("us.e2.medical-edits-event-logistics", refused(() -> records.create(msl, EVENT,
                with(design("SYMPOSIUM", unique("HF"), "2027-02-01"), "logistics", Map.of("venue", "x"))))
                .refusal().ruleId());
        assertEquals(logistics, records.read(rep, EVENT, event.id()).orElseThrow().field("logistics"));
    }

    @Test
    void e3NoMslInTheCommercialFollowUpSession() throws Exception {
        List<Object> sessions = List.of(Map.of("kind", "SCIENTIFIC", "attendees", List.of("msl.us", "rep.us")),
                Map.of("kind", "COMMERCIAL_FOLLOW_UP", "attendees", List.of("rep.us", "msl2.us")));
        OperationRefusedException e = refused(() -> records.create(msl, EVENT,
                with(design("SYMPOSIUM", unique("HF"), "2027-02-01"), "sessions", sessions)));
        assertEquals("us.e3.msl-at-commercial-follow-up", e.refusal().ruleId());
        assertEquals(List.of("msl2.us"), e.refusal().offending());

        CrmRecord event = records.create(msl, EVENT, design("SYMPOSIUM", unique("HF"), "2027-02-01"));
        records.update(rep, EVENT, event.id(), Map.of("sessions", List.of(
                Map.of("kind", "SCIENTIFIC", "attendees", List.of("msl.us", "rep.us")),
                Map.of("kind", "COMMERCIAL_FOLLOW_UP", "attendees", List.of("rep.us", "rep2.us")))), 0);
        HttpResponse<String> overHttp = api.send("PUT", "/records/" + EVENT + "/" + event.id(), "rep.us",
                "{\"sessions\": [{\"kind\": \"COMMERCIAL_FOLLOW_UP\", \"attendees\": [\"rep.us\", \"msldir.us\"]}]}");
        assertEquals(403, overHttp.statusCode(), overHttp.body());
        assertTrue(overHttp.body().contains("\"code\":\"FIREWALL_DENIED\""), overHttp.body());
        assertTrue(overHttp.body().contains("\"requirement\":\"E3\""), overHttp.body());
        assertTrue(overHttp.body().contains("msldir.us"), "the message names who to remove: " + overHttp.body());
    }

    @Test
    void e4AnObjectiveThatIsAPrescribingBehaviourIsRefused() throws Exception {
        HttpResponse<String> r = api.send("POST", "/records/" + EVENT, "msl.us", """
                {"title": "HF update", "educationalNeed": "guideline gap",
                 "objective": "Attendees will INCREASE PRESCRIBING of loop diuretic X"}""");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"rule\":\"us.e4.prescribing-behaviour-objective\""), r.body());
        assertTrue(r.body().contains("INCREASE PRESCRIBING"), "the message says what to remove: " + r.body());
        records.create(msl, EVENT, design("SYMPOSIUM", unique("HF"), "2027-02-01"));
    }

    @Test
    void x8ABonaFideEducationalNeedIsRecorded() {
        Map<String, Object> noNeed = design("SYMPOSIUM", unique("HF"), "2027-02-01");
        noNeed.remove("educationalNeed");
        OperationRefusedException e = refused(() -> records.create(msl, EVENT, noNeed));
        assertEquals("us.x8.educational-need-missing", e.refusal().ruleId());
        assertEquals("X8", e.refusal().requirement());
        CrmRecord event = records.create(msl, EVENT, design("SYMPOSIUM", unique("HF"), "2027-02-01"));
        assertEquals("us.x8.educational-need-missing", refused(() -> records.update(msl, EVENT, event.id(),
                with(Map.of(), "educationalNeed", null), 0)).refusal().ruleId(), "nor can it be removed");
    }

    @Test
    void x8NoAlcoholExpense() {
        CrmRecord event = records.create(msl, EVENT, design("SPEAKER_PROGRAM", unique("HF"), "2027-02-01"));
        OperationRefusedException e = refused(() -> records.update(rep, EVENT, event.id(), Map.of("expenses",
                List.of(Map.of("type", "MEAL", "amount", 45), Map.of("type", "W-I-N-E", "amount", 120))), 0));
        assertEquals("us.x8.alcohol-expense", e.refusal().ruleId());
        assertEquals(RefusalKind.CONTENT, e.refusal().kind());
        records.update(rep, EVENT, event.id(), Map.of("expenses", List.of(Map.of("type", "MEAL", "amount", 45))), 0);
    }

    @Test
    void x8PerHcpAttendanceLimitOverAWindowPerEventType() throws Exception {
        String hcp = unique("hcp");
        records.create(msl, EVENT, with(design("SPEAKER_PROGRAM", unique("HF"), "2027-01-10"), "hcpAttendees", List.of(hcp)));
        records.create(msl, EVENT, with(design("SPEAKER_PROGRAM", unique("HF"), "2027-04-10"), "hcpAttendees", List.of(hcp)));
        OperationRefusedException third = refused(() -> records.create(msl, EVENT,
                with(design("SPEAKER_PROGRAM", unique("HF"), "2027-09-10"), "hcpAttendees", List.of("hcp-other", hcp))));
        assertEquals("us.x8.attendance-limit.speaker-program", third.refusal().ruleId());
        assertEquals(List.of(hcp), third.refusal().offending());

        CrmRecord later = records.create(msl, EVENT, design("SPEAKER_PROGRAM", unique("HF"), "2028-05-10"));
        records.update(rep, EVENT, later.id(), Map.of("hcpAttendees", List.of(hcp)), 0);
        CrmRecord tooSoon = records.create(msl, EVENT, design("SPEAKER_PROGRAM", unique("HF"), "2027-12-10"));
        assertEquals("us.x8.attendance-limit.speaker-program", refused(() -> records.update(rep, EVENT, tooSoon.id(),
                Map.of("hcpAttendees", List.of(hcp)), 0)).refusal().ruleId(), "added by an update, too");

        // Symposia count on their own and are flagged, not blocked, over 4 a year.
        CrmRecord fifth = null;
        for (int i = 1; i <= 5; i++) {
            fifth = records.create(msl, EVENT, with(design("SYMPOSIUM", unique("HF"), "2027-0" + i + "-20"),
                    "hcpAttendees", List.of(hcp)));
        }
        HttpResponse<String> reviews = api.send("GET", "/reviews?status=OPEN", "compliance.us", null);
        assertTrue(reviews.body().contains(fifth.id()), reviews.body());
        assertTrue(reviews.body().contains("us.x8.attendance-limit.other-events"), reviews.body());
    }

    @Test
    void x8ASpeakerDoesNotAttendAProgramOnTheirOwnTopic() throws Exception {
        String speaker = unique("hcp-speaker");
        String topic = unique("Diuretic resistance");
        records.create(msl, EVENT, with(design("SPEAKER_PROGRAM", topic, "2027-03-01"), "speakers",
                List.of(Map.of("hcpId", speaker, "honorarium", 1500))));
        OperationRefusedException e = refused(() -> records.create(msl, EVENT,
                with(design("SPEAKER_PROGRAM", topic.toUpperCase(), "2027-05-01"), "hcpAttendees", List.of(speaker))));
        assertEquals("us.x8.speaker-attends-own-topic.speaker-program", e.refusal().ruleId());
        records.create(msl, EVENT, with(design("SPEAKER_PROGRAM", unique("Lipids"), "2027-05-01"),
                "hcpAttendees", List.of(speaker)));

        CrmRecord symposium = records.create(msl, EVENT, with(design("SYMPOSIUM", topic, "2027-06-01"),
                "hcpAttendees", List.of(speaker)));
        HttpResponse<String> reviews = api.send("GET", "/reviews?status=OPEN", "compliance.us", null);
        assertTrue(reviews.body().contains(symposium.id()), reviews.body());
        assertTrue(reviews.body().contains("us.x8.speaker-attends-own-topic.other-events"), reviews.body());
    }
}
