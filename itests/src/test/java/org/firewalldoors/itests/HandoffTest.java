package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.handoff.SafetyDeadlines;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * Door 2, the scientific-inquiry hand-off, end to end over HTTP with the demo users and the US policy (H1-H8, X1,
 * X7): the five steps, and each refusal.
 */
class HandoffTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    ScientificInquiries inquiries;
    @InjectService(timeout = 30_000)
    SafetyDeadlines safetyDeadlines;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService(timeout = 30_000)
    AuditTrail audit;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ApiClient api;
    private String marker;

    @BeforeEach
    void setUp() {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        api = new ApiClient(runtime, "/api/v1/handoffs/*");
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return api.send(method, path, user, body);
    }

    private HttpResponse<String> expect(int status, String method, String path, String user, String body)
            throws Exception {
        HttpResponse<String> r = send(method, path, user, body);
        assertEquals(status, r.statusCode(), method + " " + path + " as " + user + ": " + r.body());
        return r;
    }

    private static String body(String question, String extra) {
        return "{\"hcpId\": \"hcp-cardio-17\", \"hcpContact\": {\"email\": \"dr.heart@example.org\"},"
                + " \"category\": \"COMPARATIVE_SAFETY\", \"question\": \"" + question + "\","
                + " \"product\": \"Cardiozan\", \"preferredContact\": {\"channel\": \"PHONE\", \"window\": \"Tue 9-11\"}"
                + extra + "}";
    }

    private String submit(String question) throws Exception {
        return string(json(expect(201, "POST", "/handoffs", "rep.us", body(question, ", \"unsolicited\": true"))),
                "id");
    }

    private static Map<String, Object> javaBody(String question) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hcpId", "hcp-cardio-17");
        body.put("hcpContact", Map.of("email", "dr.heart@example.org"));
        body.put("category", "COMPARATIVE_SAFETY");
        body.put("question", question);
        body.put("unsolicited", true);
        return body;
    }

    private List<JsonObject> list(String path, String user, String key) throws Exception {
        JsonArray items = json(expect(200, "GET", path, user, null)).getAsJsonArray(key);
        return StreamSupport.stream(items.spliterator(), false).map(JsonElement::getAsJsonObject).toList();
    }

    private List<JsonObject> inbox(String user, String inquiryId) throws Exception {
        return list("/inbox", user, "notifications").stream()
                .filter(n -> inquiryId.equals(string(n.getAsJsonObject("data"), "inquiryId"))).toList();
    }

    private List<String> queue(String user) throws Exception {
        return list("/handoffs", user, "handoffs").stream().map(o -> string(o, "id")).toList();
    }

    private boolean queueMentions(String text) throws Exception {
        return list("/handoffs", "msl.us", "handoffs").stream().anyMatch(o -> o.toString().contains(text));
    }

    // --- the five steps -----------------------------------------------------------------------------------

    @Test
    void theFiveStepsFromRepToMslAndBack() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        // Step 2: the rep logs the question; the answer shows the status only.
        HttpResponse<String> created = expect(201, "POST", "/handoffs", "rep.us",
                body("Is there renal dosing data beyond the label? " + marker, ", \"unsolicited\": true"));
        JsonObject asRep = json(created);
        String id = string(asRep, "id");
        assertEquals("SUBMITTED", string(asRep, "status"));
        assertTrue(asRep.has("submittedAt"));
        assertFalse(asRep.has("question"), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/handoffs/" + id));

        // Step 3: the MSLs and their director are notified in an inbox that only they read (H3).
        for (String medical : List.of("msl.us", "msl2.us", "msldir.us")) {
            List<JsonObject> notes = inbox(medical, id);
            assertEquals(1, notes.size(), medical);
            assertEquals("handoff.submitted", string(notes.get(0), "topic"));
            assertFalse(notes.get(0).toString().contains(marker), "the question stays in the record");
        }
        for (String other : List.of("rep.us", "rep2.us", "salesdir.us", "vpcomm.us")) {
            assertTrue(inbox(other, id).isEmpty(), other);
        }
        assertTrue(queue("msl.us").contains(id));
        JsonObject inQueue = json(expect(200, "GET", "/handoffs/" + id, "msl.us", null));
        assertTrue(string(inQueue, "question").contains(marker));

        // Step 3: the MSL accepts and schedules, independently (H4).
        JsonObject accepted = json(expect(200, "POST", "/handoffs/" + id + "/accept", "msl.us",
                "{\"priority\": \"HIGH\", \"dueDate\": \"2026-12-04\"}"));
        assertEquals("ACCEPTED", string(accepted, "status"));
        assertEquals("msl.us", string(accepted, "assignee"));
        expect(200, "POST", "/handoffs/" + id + "/schedule", "msl.us", "{\"at\": \"2026-12-01T15:00:00Z\"}");

        // Step 4: the follow-up notes and the schedule never reach the rep (H5), by any resource.
        String notes = "Walked through the renal subgroup; " + marker + "-notes";
        assertEquals("COMPLETED", string(json(expect(200, "POST", "/handoffs/" + id + "/complete", "msl.us",
                "{\"notes\": \"" + notes + "\"}")), "status"));
        HttpResponse<String> repView = expect(200, "GET", "/handoffs/" + id, "rep.us", null);
        assertEquals("COMPLETED", string(json(repView), "status"));
        for (String hidden : List.of(marker + "-notes", "mslNotes", "scheduledAt", "2026-12-01T15", "assignee",
                "priority", "dueDate")) {
            assertFalse(repView.body().contains(hidden), hidden + " in " + repView.body());
        }
        HttpResponse<String> generic = expect(200, "GET", "/records/ScientificInquiry/" + id, "rep.us", null);
        for (String hidden : List.of(marker + "-notes", "mslNotes", "scheduledAt", "assignee")) {
            assertFalse(generic.body().contains(hidden), hidden + " in " + generic.body());
        }

        // Step 5: the general nature of the interest reaches the rep, in the list and in the inbox (H6).
        String summary = "Interested in long-term renal outcomes data " + marker;
        expect(201, "POST", "/handoffs/" + id + "/interest", "msl2.us", "{\"summary\": \"" + summary + "\"}");
        JsonObject mine = list("/handoffs", "rep.us", "handoffs").stream().filter(o -> id.equals(string(o, "id")))
                .findFirst().orElseThrow();
        assertEquals(summary, string(mine, "interestSummary"));
        assertFalse(mine.toString().contains(marker + "-notes"));
        assertTrue(inbox("rep.us", id).stream().anyMatch(n -> "handoff.interest".equals(string(n, "topic"))
                && string(n, "message").contains(summary)));

        // Every step is documented: who, what, when, under which policy version (H8).
        List<AuditEntry> steps = audit.list(start, 1000).stream().filter(e -> id.equals(e.event().recordId()))
                .filter(e -> "STEP".equals(e.event().outcome())).toList();
        assertEquals(List.of("HANDOFF_SUBMIT", "HANDOFF_ACCEPT", "HANDOFF_SCHEDULE", "HANDOFF_COMPLETE",
                "HANDOFF_INTEREST"), steps.stream().map(e -> e.event().action()).toList());
        assertEquals(List.of("rep.us", "msl.us", "msl.us", "msl.us", "msl2.us"),
                steps.stream().map(e -> e.event().actor()).toList());
        assertTrue(steps.stream().allMatch(e -> "us".equals(e.event().policyId())
                && "1.0.0".equals(e.event().policyVersion()) && "US".equals(e.event().region())));
    }

    // --- refusals -----------------------------------------------------------------------------------------

    @Test
    void commercialContextIsRefusedWithWhatToRemoveAndNothingIsStored() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        HttpResponse<String> r = expect(422, "POST", "/handoffs", "rep.us", body("She is a top D-E-C-I-L-E writer; "
                + "would the renal data help convert her patients? " + marker, ", \"unsolicited\": true"));
        JsonObject error = json(r).getAsJsonObject("error");
        assertEquals("CONTENT_REFUSED", string(error, "code"));
        assertEquals("us.h2.inquiry-commercial-context", string(error, "rule"));
        assertEquals("H2", string(error, "requirement"));
        assertTrue(string(error, "message").contains("D-E-C-I-L-E") && string(error, "message").contains("convert"),
                string(error, "message"));
        assertFalse(queueMentions(marker), "nothing of a refused submission is stored");
        assertTrue(audit.list(start, 1000).stream().anyMatch(e -> "us.h2.inquiry-commercial-context"
                .equals(e.event().rule()) && "BLOCK".equals(e.event().outcome()) && "rep.us".equals(e.event().actor())));

        HttpResponse<String> contact = expect(422, "POST", "/handoffs", "rep.us", body("Renal dosing? " + marker,
                ", \"unsolicited\": true").replace("Tue 9-11", "after she reviews her TRx volumes"));
        assertEquals("us.h2.inquiry-commercial-context-contact", string(json(contact).getAsJsonObject("error"), "rule"));
        assertFalse(queueMentions(marker));
    }

    @Test
    void theHcpAndHowToReachThemCarryNoCommercialContextEither() throws Exception {
        String smuggled = "top decile prescriber; 40 TRx/month";
        HttpResponse<String> inId = expect(422, "POST", "/handoffs", "rep.us", body("Renal dosing? " + marker,
                ", \"unsolicited\": true").replace("hcp-cardio-17", "hcp-cardio-17, " + smuggled));
        JsonObject error = json(inId).getAsJsonObject("error");
        assertEquals("us.h2.inquiry-commercial-context-any-field", string(error, "rule"));
        assertTrue(string(error, "message").contains("top decile") && string(error, "message").contains("TRx"),
                string(error, "message"));
        HttpResponse<String> inContact = expect(422, "POST", "/handoffs", "rep.us", body("Renal dosing? " + marker,
                ", \"unsolicited\": true").replace("\"email\": \"dr.heart@example.org\"",
                        "\"email\": \"dr.heart@example.org\", \"phone\": \"" + smuggled + "\""));
        assertEquals("us.h2.inquiry-commercial-context-any-field",
                string(json(inContact).getAsJsonObject("error"), "rule"));
        assertFalse(queueMentions(marker), "nothing of a refused submission is stored");
        expect(201, "POST", "/handoffs", "rep.us", body("Renal dosing? " + marker, ", \"unsolicited\": true")
                .replace("\"email\": \"dr.heart@example.org\"",
                        "\"email\": \"dr.heart@example.org\", \"phone\": \"+1 (212) 541-3500\""));
    }

    @Test
    void withoutTheAttestationThereIsNoInquiry() throws Exception {
        for (String attestation : List.of("", ", \"unsolicited\": false", ", \"unsolicited\": \"yes\"")) {
            HttpResponse<String> r = expect(422, "POST", "/handoffs", "rep.us",
                    body("Renal dosing beyond the label? " + marker, attestation));
            JsonObject error = json(r).getAsJsonObject("error");
            assertEquals("CONTENT_REFUSED", string(error, "code"));
            assertEquals("H7", string(error, "requirement"));
        }
        assertFalse(queueMentions(marker));
    }

    @Test
    void theRepCannotChooseTheMslThePriorityOrTheDates() throws Exception {
        for (String field : List.of("\"dueDate\": \"2026-12-01\"", "\"assignee\": \"msl2.us\"",
                "\"priority\": \"HIGH\"", "\"followUpDate\": \"2026-12-15\"", "\"decile\": 9")) {
            HttpResponse<String> r = expect(400, "POST", "/handoffs", "rep.us",
                    body("Renal dosing beyond the label? " + marker, ", \"unsolicited\": true, " + field));
            assertEquals("MALFORMED", string(json(r).getAsJsonObject("error"), "code"));
        }
        expect(400, "POST", "/handoffs", "rep.us", body("Renal dosing?", ", \"unsolicited\": true")
                .replace("\"COMPARATIVE_SAFETY\"", "42"));
        expect(400, "POST", "/handoffs", "rep.us", "{not json");
        assertFalse(queueMentions(marker));
        String id = submit("Renal dosing beyond the label? " + marker);
        expect(403, "POST", "/handoffs/" + id + "/accept", "rep.us", "{}");
        expect(403, "POST", "/handoffs/" + id + "/schedule", "salesdir.us", "{\"at\": \"2026-12-01T15:00:00Z\"}");
        expect(403, "POST", "/handoffs", "msl.us", body("x", ", \"unsolicited\": true"));
    }

    @Test
    void commercialNeverSeesTheMedicalQueue() throws Exception {
        String id = submit("Renal dosing beyond the label? " + marker);
        expect(200, "POST", "/handoffs/" + id + "/accept", "msl.us", "{}");
        assertTrue(queue("rep.us").contains(id));
        assertFalse(queue("rep2.us").contains(id), "another rep's submission");
        assertFalse(queue("salesdir.us").contains(id), "the rep's manager");
        expect(404, "GET", "/handoffs/" + id, "rep2.us", null);
        expect(404, "GET", "/handoffs/" + id, "vpcomm.us", null);
        expect(403, "GET", "/handoffs", "compliance.us", null);
        expect(403, "GET", "/handoffs", "legal.us", null);
        // The generic record resources are guarded alike (H3, X7).
        expect(404, "GET", "/records/ScientificInquiry/" + id, "rep2.us", null);
        assertFalse(send("GET", "/records/ScientificInquiry", "rep2.us", null).body().contains(id));
        HttpResponse<String> bypass = expect(403, "PUT", "/records/ScientificInquiry/" + id, "msl.us",
                "{\"status\": \"COMPLETED\"}");
        assertEquals("X7", string(json(bypass).getAsJsonObject("error"), "requirement"));
        expect(403, "POST", "/records/ScientificInquiry", "rep.us", "{\"hcpId\": \"h\", \"hcpContact\": {\"phone\": \"1\"},"
                + " \"category\": \"OTHER_CLINICAL\", \"question\": \"q\", \"unsolicited\": true,"
                + " \"status\": \"SUBMITTED\", \"submittedBy\": \"rep.us\"}");
        assertEquals("ACCEPTED", string(json(expect(200, "GET", "/handoffs/" + id, "msl.us", null)), "status"));
    }

    @Test
    void illegalTransitionsAreConflicts() throws Exception {
        String id = submit("Mechanism of the renal effect? " + marker);
        expect(409, "POST", "/handoffs/" + id + "/schedule", "msl.us", "{\"at\": \"2026-12-01T15:00:00Z\"}");
        expect(409, "POST", "/handoffs/" + id + "/interest", "msl.us", "{\"summary\": \"renal outcomes\"}");
        expect(200, "POST", "/handoffs/" + id + "/decline", "msl.us", "{\"reason\": \"Not a scientific question.\"}");
        expect(409, "POST", "/handoffs/" + id + "/accept", "msl.us", "{}");
        expect(409, "POST", "/handoffs/" + id + "/complete", "msl.us", "{\"notes\": \"n\"}");
        expect(400, "POST", "/handoffs/" + id + "/decline", "msl.us", "{\"because\": \"x\"}");
        expect(404, "POST", "/handoffs/no-such-inquiry/accept", "msl.us", "{}");
        HttpResponse<String> declined = expect(200, "GET", "/handoffs/" + id, "rep.us", null);
        assertEquals("DECLINED", string(json(declined), "status"));
        assertFalse(declined.body().contains("Not a scientific question"), "the reason is Medical Affairs'");
    }

    @Test
    void aPrescribingIntentSignalInStepFiveIsRefused() throws Exception {
        String id = submit("Long-term renal outcomes? " + marker);
        expect(200, "POST", "/handoffs/" + id + "/accept", "msl.us", "{}");
        expect(200, "POST", "/handoffs/" + id + "/complete", "msl.us", "{\"notes\": \"Discussed outcomes.\"}");
        HttpResponse<String> r = expect(422, "POST", "/handoffs/" + id + "/interest", "msl.us",
                "{\"summary\": \"She is ready to write Cardiozan for her CKD patients.\"}");
        JsonObject error = json(r).getAsJsonObject("error");
        assertEquals("us.h6.interest-signals-prescribing-intent", string(error, "rule"));
        assertEquals("H6", string(error, "requirement"));
        assertTrue(string(error, "message").contains("ready to write"), string(error, "message"));
        assertNull(string(json(expect(200, "GET", "/handoffs/" + id, "rep.us", null)), "interestSummary"));
        assertTrue(inbox("rep.us", id).isEmpty(), "nothing reached the rep");
        expect(201, "POST", "/handoffs/" + id + "/interest", "msl.us",
                "{\"summary\": \"Interested in data on CKD stage 4 patients.\"}");
    }

    // --- adverse events (X1) ------------------------------------------------------------------------------

    @Test
    void aPotentialAdverseEventIsRoutedToSafetyDueOneBusinessDayLaterAndEscalatedWhenMissed() throws Exception {
        HttpResponse<String> created = expect(201, "POST", "/handoffs", "rep.us", body("Her patient was hospitalised"
                + " with a rash after the second dose; is that known? " + marker, ", \"unsolicited\": true"));
        JsonObject asRep = json(created);
        String id = string(asRep, "id");
        JsonObject safety = asRep.getAsJsonObject("safety");
        assertEquals("PENDING", string(safety, "status"));
        Instant dueAt = Instant.parse(string(safety, "dueAt"));

        JsonObject full = json(expect(200, "GET", "/handoffs/" + id, "msl.us", null)).getAsJsonObject("safety");
        assertEquals("us.x1.inquiry-adverse-event", string(full, "rule"));
        Instant awareAt = Instant.parse(string(full, "awareAt"));
        assertEquals(nextBusinessDayInNewYork(awareAt), dueAt);
        assertTrue(Instant.parse(string(asRep, "submittedAt")).minusSeconds(60).isBefore(awareAt));

        // The safety case goes to the compliance officer and the head of medical affairs (no pharmacovigilance
        // user in the demo directory), never to Commercial.
        for (String recipient : List.of("compliance.us", "medhead.us")) {
            assertTrue(inbox(recipient, id).stream().anyMatch(n -> "safety.case-opened".equals(string(n, "topic"))),
                    recipient);
        }
        assertTrue(inbox("rep.us", id).isEmpty());

        // It cannot be completed while the forward is pending.
        expect(200, "POST", "/handoffs/" + id + "/accept", "msl.us", "{}");
        HttpResponse<String> pending = expect(409, "POST", "/handoffs/" + id + "/complete", "msl.us",
                "{\"notes\": \"Discussed.\"}");
        assertTrue(pending.body().contains("X1"), pending.body());

        // A missed due time escalates to compliance and the head of medical affairs, once.
        assertFalse(safetyDeadlines.escalateOverdue("US", Clock.fixed(dueAt.minusSeconds(60), ZoneOffset.UTC))
                .contains(id));
        assertTrue(safetyDeadlines.escalateOverdue("US", Clock.fixed(dueAt.plusSeconds(60), ZoneOffset.UTC))
                .contains(id));
        assertFalse(safetyDeadlines.escalateOverdue("US", Clock.fixed(dueAt.plusSeconds(120), ZoneOffset.UTC))
                .contains(id));
        List<JsonObject> escalations = list("/escalations", "compliance.us", "escalations").stream()
                .filter(e -> id.equals(string(e, "recordId"))).toList();
        assertEquals(1, escalations.size());
        assertEquals("handoff.x1.safety-overdue", string(escalations.get(0), "rule"));
        assertEquals("X1", string(escalations.get(0), "requirement"));
        assertTrue(escalations.get(0).toString().contains("medhead.us"));
        expect(403, "GET", "/escalations", "vpcomm.us", null);

        // Forwarded: now it can be completed.
        expect(403, "POST", "/handoffs/" + id + "/safety-forwarded", "rep.us", null);
        assertEquals("FORWARDED", string(json(expect(200, "POST", "/handoffs/" + id + "/safety-forwarded",
                "compliance.us", null)).getAsJsonObject("safety"), "status"));
        expect(409, "POST", "/handoffs/" + id + "/safety-forwarded", "msl.us", null);
        expect(200, "POST", "/handoffs/" + id + "/complete", "msl.us", "{\"notes\": \"Discussed.\"}");
    }

    private static Instant nextBusinessDayInNewYork(Instant capture) {
        ZonedDateTime t = capture.atZone(NEW_YORK).plusDays(1);
        while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
            t = t.plusDays(1);
        }
        return t.toInstant();
    }

    // --- every channel alike (X7) -------------------------------------------------------------------------

    @Test
    void theJavaServiceRefusesWhatHttpRefuses() throws Exception {
        OperationRefusedException context = assertThrows(OperationRefusedException.class, () -> inquiries.submit(
                caller(users, "rep.us"), javaBody("A top decile writer: can we convert her? " + marker)));
        assertEquals(RefusalKind.CONTENT, context.refusal().kind());
        assertEquals("us.h2.inquiry-commercial-context", context.refusal().ruleId());
        HttpResponse<String> overHttp = expect(422, "POST", "/handoffs", "rep.us",
                body("A top decile writer: can we convert her? " + marker, ", \"unsolicited\": true"));
        assertEquals(context.refusal().ruleId(), string(json(overHttp).getAsJsonObject("error"), "rule"));
        assertEquals(context.getMessage(), string(json(overHttp).getAsJsonObject("error"), "message"));

        Map<String, Object> unattested = javaBody("Renal dosing? " + marker);
        unattested.put("unsolicited", false);
        assertEquals("H7", assertThrows(OperationRefusedException.class,
                () -> inquiries.submit(caller(users, "rep.us"), unattested)).refusal().requirement());
        Map<String, Object> withDueDate = javaBody("Renal dosing? " + marker);
        withDueDate.put("dueDate", "2026-12-01");
        assertThrows(InvalidRecordException.class, () -> inquiries.submit(caller(users, "rep.us"), withDueDate));

        // Straight to the record store, around the hand-off: refused too.
        Map<String, Object> fields = javaBody("Renal dosing? " + marker);
        fields.put("status", "SUBMITTED");
        fields.put("submittedBy", "rep.us");
        OperationRefusedException bypass = assertThrows(OperationRefusedException.class,
                () -> records.create(caller(users, "rep.us"), "ScientificInquiry", fields));
        assertEquals("X7", bypass.refusal().requirement());
        assertFalse(queueMentions(marker));

        String id = inquiries.submit(caller(users, "rep.us"), javaBody("Renal dosing beyond the label? " + marker)).id();
        assertEquals("ACCEPTED", inquiries.accept(caller(users, "msl.us"), id, null, null).status().name());
        assertTrue(queue("msl.us").contains(id), "both channels share one queue");
    }

    @Test
    void whereTheModuleIsOffEveryStepIsRefused() throws Exception {
        // A region of its own, so that the US keeps its modules for the other tests.
        Configuration region = configurationAdmin.getFactoryConfiguration("org.firewalldoors.region", "handofftest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("code", "ZZ");
        props.put("modules", new String[] { "compliance", "kol-export" });
        props.put("policy", "us");
        region.update(props);
        try {
            // Configuration Admin applies a configuration asynchronously: wait until the decision point has it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (decisionPoint.moduleEnabled("ZZ", ScientificInquiries.MODULE)) {
                assertTrue(System.nanoTime() < deadline, "the region configuration was never applied");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            Caller rep = Caller.java(new Principal("rep.zz", BusinessFunction.COMMERCIAL, "REP", "ZZ", null));
            Caller msl = Caller.java(new Principal("msl.zz", BusinessFunction.MEDICAL, "MSL", "ZZ", null));
            OperationRefusedException off = assertThrows(OperationRefusedException.class,
                    () -> inquiries.submit(rep, javaBody("Renal dosing? " + marker)));
            assertEquals(RefusalKind.MODULE_DISABLED, off.refusal().kind());
            assertEquals(RefusalKind.MODULE_DISABLED, assertThrows(OperationRefusedException.class,
                    () -> inquiries.list(msl, null)).refusal().kind());
            assertEquals(RefusalKind.MODULE_DISABLED, assertThrows(OperationRefusedException.class,
                    () -> inquiries.accept(msl, "any", null, null)).refusal().kind());
        } finally {
            region.delete();
        }
    }

    @Test
    void withoutTheComplianceBundleTheHandOffDoesNotRun() throws Exception {
        Fixtures.withoutCompliance(context, () -> {
            assertNull(context.getServiceReference(ScientificInquiries.class));
            assertNull(context.getServiceReference(SafetyDeadlines.class));
            assertTrue(records.recordType("ScientificInquiry").isEmpty(), "the record type is not served");
            expect(404, "GET", "/handoffs", "msl.us", null);
        });
    }
}
