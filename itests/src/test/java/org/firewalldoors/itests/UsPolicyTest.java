package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The US policy bundle, end to end through the host: each test fails if its rule is removed. */
class UsPolicyTest {

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService(timeout = 30_000)
    AuditTrail audit;
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
        api = new ApiClient(runtime, "/api/v1/escalations");
    }

    private OperationRefusedException refused(Runnable op) {
        return assertThrows(OperationRefusedException.class, op::run);
    }

    @Test
    void f1AdministratorsHaveNoBusinessData() {
        OperationRefusedException e = refused(() -> records.create(caller(users, "admin"), "Account",
                Map.of("name", "x", "kind", "HCP")));
        assertEquals(RefusalKind.FORBIDDEN, e.refusal().kind());
        assertEquals("F1", e.refusal().requirement());
    }

    @Test
    void f1AnMslReportingToCommercialIsFlagged() throws Exception {
        CrmRecord task = records.create(caller(users, "msl3.us"), "Task", Map.of("subject", "read the new label"));
        HttpResponse<String> reviews = api.send("GET", "/reviews?status=OPEN", "compliance.us", null);
        assertEquals(200, reviews.statusCode());
        assertTrue(reviews.body().contains(task.id()), reviews.body());
        assertTrue(reviews.body().contains("us.f1.msl-reports-to-commercial"), reviews.body());
        assertEquals(403, api.send("GET", "/reviews", "rep.us", null).statusCode());
    }

    @Test
    void f2MedicalIncentivesCannotUseSalesMetrics() {
        OperationRefusedException e = refused(() -> records.create(caller(users, "msldir.us"), "IncentivePlan",
                Map.of("userId", "msl.us", "metrics", List.of("KOL engagements", "T.R.x growth"))));
        assertEquals("us.f2.msl-sales-metric-incentive", e.refusal().ruleId());
        assertEquals("F2", e.refusal().requirement());
        records.create(caller(users, "msldir.us"), "IncentivePlan",
                Map.of("userId", "msl.us", "metrics", List.of("KOL engagements", "publications supported")));
        records.create(caller(users, "salesdir.us"), "IncentivePlan",
                Map.of("userId", "rep.us", "metrics", List.of("TRx growth")));
    }

    @Test
    void a2ObjectivesAreReadAndWrittenByTheirOwnSideOnly() {
        CrmRecord plan = records.create(msl, "AccountPlan", Map.of("accountId", "acc-" + UUID.randomUUID(),
                "tier", 1, "medicalObjective", "discuss the registry data"));
        CrmRecord seenByRep = records.read(rep, "AccountPlan", plan.id()).orElseThrow();
        assertFalse(seenByRep.fields().containsKey("medicalObjective"));
        assertFalse(seenByRep.fields().containsKey("mslCallFrequency"));
        records.update(rep, "AccountPlan", plan.id(), Map.of("commercialObjective", "detail the label"), 0);
        assertFalse(records.read(msl, "AccountPlan", plan.id()).orElseThrow().fields().containsKey("commercialObjective"));
        OperationRefusedException e = refused(() -> records.update(rep, "AccountPlan", plan.id(),
                Map.of("medicalObjective", "push the new indication"), 0));
        assertEquals("firewall.AccountPlan.medicalObjective", e.refusal().ruleId());
        assertEquals("A2", e.refusal().requirement());
    }

    @Test
    void a3CommercialCannotDirectMslsAndIsEscalated() throws Exception {
        OperationRefusedException task = refused(() -> records.create(rep, "Task",
                Map.of("subject", "visit Dr. Heart twice this month", "assignee", "msl.us")));
        assertEquals("us.a3.commercial-assigns-msl-task", task.refusal().ruleId());
        CrmRecord own = records.create(rep, "Task", Map.of("subject", "follow up " + UUID.randomUUID()));
        refused(() -> records.assign(rep, "Task", own.id(), "msl2.us"));
        CrmRecord plan = records.create(rep, "AccountPlan", Map.of("accountId", "acc-" + UUID.randomUUID()));
        OperationRefusedException freq = refused(() -> records.update(rep, "AccountPlan", plan.id(),
                Map.of("mslCallFrequency", 4), 0));
        assertEquals("us.a3.commercial-sets-msl-call-frequency", freq.refusal().ruleId());

        HttpResponse<String> escalations = api.send("GET", "/escalations", "compliance.us", null);
        assertEquals(200, escalations.statusCode());
        assertTrue(escalations.body().contains("us.a3.commercial-assigns-msl-task"), escalations.body());
        assertTrue(escalations.body().contains("medhead.us"), "the head of medical affairs receives it");
        assertEquals(200, api.send("GET", "/escalations", "medhead.us", null).statusCode());
        assertEquals(403, api.send("GET", "/escalations", "vpcomm.us", null).statusCode());
    }

    @Test
    void k3MslCallReportsNeverReachCommercial() throws Exception {
        String notes = "KOL asked about the subgroup analysis " + UUID.randomUUID();
        CrmRecord report = records.create(msl, "CallReport", Map.of("hcpId", "hcp-7", "notes", notes));
        assertTrue(records.read(rep, "CallReport", report.id()).isEmpty());
        assertTrue(records.query(rep, "CallReport", Map.of("notes", notes)).isEmpty());
        assertTrue(records.export(rep, "CallReport", Map.of()).stream().noneMatch(r -> r.id().equals(report.id())));
        // A write of a concealed record answers as for an absent one (RecordStore's contract), message included.
        assertEquals("CallReport " + report.id() + " not found", assertThrows(RecordNotFoundException.class,
                () -> records.update(rep, "CallReport", report.id(), Map.of("notes", "x"), 0)).getMessage());
        OperationRefusedException share = refused(() -> records.share(msl, "CallReport", report.id(), "rep.us"));
        assertEquals("K3", share.refusal().requirement());
        records.share(msl, "CallReport", report.id(), "msl2.us");
        assertEquals(1, records.query(caller(users, "msl2.us"), "CallReport", Map.of("notes", notes)).size());

        HttpResponse<String> asRep = api.send("GET", "/records/CallReport/" + report.id(), "rep.us", null);
        assertEquals(404, asRep.statusCode());
        assertFalse(asRep.body().contains("K3"), "a refusal leaks nothing: " + asRep.body());
        assertEquals(200, api.send("GET", "/records/CallReport/" + report.id(), "msl.us", null).statusCode());
    }

    @Test
    void o1AnMslCannotAttendAPromotionalMeetingEitherWayRound() {
        OperationRefusedException e = refused(() -> records.create(rep, "Meeting", Map.of("title", "Q3 kickoff",
                "kind", "SALES", "agenda", List.of("Q3 prescribing targets"), "attendees", List.of("rep.us", "msl.us"))));
        assertEquals("us.o1.msl-at-promotional-meeting", e.refusal().ruleId());
        CrmRecord meeting = records.create(rep, "Meeting", Map.of("title", "Q3 kickoff", "kind", "SALES",
                "agenda", List.of("Promotional strategy for Q3"), "attendees", List.of("rep.us")));
        refused(() -> records.update(rep, "Meeting", meeting.id(), Map.of("attendees", List.of("rep.us", "msl2.us")), 0));
        CrmRecord science = records.create(msl, "Meeting", Map.of("title", "Journal club",
                "agenda", List.of("New trial data"), "attendees", List.of("msl.us", "msl2.us")));
        refused(() -> records.update(msl, "Meeting", science.id(),
                Map.of("agenda", List.of("New trial data", "Territory performance review")), 0));
    }

    @Test
    void o4PromotionalClaimsInMslContentAreFlagged() throws Exception {
        CrmRecord message = records.create(msl, "OutboundMessage", Map.of("hcpId", "hcp-9",
                "subject", "Follow-up", "body", "Our drug is BEST-IN-CLASS and superior to everything."));
        HttpResponse<String> reviews = api.send("GET", "/reviews", "compliance.us", null);
        assertTrue(reviews.body().contains(message.id()), reviews.body());
        assertTrue(reviews.body().contains("us.o4.msl-promotional-claims"), reviews.body());
    }

    @Test
    void o8AnyMslCanFileABoundaryConcernThatCommercialCannotSee() throws Exception {
        HttpResponse<String> filed = api.send("POST", "/concerns", "msl2.us",
                "{\"description\": \"My rep keeps asking me to visit his top prescribers.\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String id = filed.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertEquals(403, api.send("POST", "/concerns", "rep.us", "{\"description\": \"x\"}").statusCode());
        assertEquals(404, api.send("GET", "/escalations/" + id, "vpcomm.us", null).statusCode());
        assertEquals(404, api.send("GET", "/escalations/" + id, "compliance.eu", null).statusCode());
        HttpResponse<String> seen = api.send("GET", "/escalations/" + id, "compliance.us", null);
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains("O8"), seen.body());
        HttpResponse<String> resolved = api.send("POST", "/escalations/" + id + "/resolve", "medhead.us",
                "{\"resolution\": \"Spoke with the sales director.\"}");
        assertEquals(200, resolved.statusCode(), resolved.body());
        assertEquals(409, api.send("POST", "/escalations/" + id + "/resolve", "compliance.us",
                "{\"resolution\": \"again\"}").statusCode());
    }

    @Test
    void x2TheAuditTrailRecordsRefusalsAndVerifies() throws Exception {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        refused(() -> records.create(rep, "Task", Map.of("subject", "audit me", "assignee", "msl.us")));
        assertTrue(audit.list(before, 1000).stream().anyMatch(e -> "us.a3.commercial-assigns-msl-task".equals(e.event().rule())
                && "BLOCK".equals(e.event().outcome()) && "rep.us".equals(e.event().actor())
                && "us".equals(e.event().policyId()) && "1.0.0".equals(e.event().policyVersion())));
        HttpResponse<String> verify = api.send("GET", "/audit/verify", "compliance.us", null);
        assertEquals(200, verify.statusCode());
        assertTrue(verify.body().contains("\"valid\":true"), verify.body());
        assertEquals(403, api.send("GET", "/audit", "medhead.us", null).statusCode());
    }
}
