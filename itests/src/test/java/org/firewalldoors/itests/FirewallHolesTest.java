package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The firewall tried as an attacker would (issue 14, items 1 to 8): filters, deletes, unclassified types, departed
 * owners, a stray interceptor, unaudited writes, audit amplification and metadata side channels. Each expectation
 * comes from the requirement (K3, A2, A3, E1, F2, X2, X5, O3), not from the implementation.
 */
class FirewallHolesTest {

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;
    @InjectService
    UserDirectory users;
    @InjectService
    RecordStore records;
    @InjectService
    AuditTrail audit;
    @InjectService(filter = "(name=firewalldoors)")
    DataSource dataSource;
    @InjectBundleContext
    BundleContext context;

    private ApiClient api() {
        return new ApiClient(runtime, "/api/v1/admin/regions");
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String id(HttpResponse<String> r) {
        return json(r).get("id").getAsString();
    }

    private static int count(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getAsJsonArray("records").size();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // --- 1. list filters match only what the caller may see (K3, A2, H5) -------------------------------

    @Test
    void aFilterOnAFieldKeptFromTheCallerMatchesNothingWhateverTheGuess() throws Exception {
        ApiClient api = api();
        String hcp = "hcp-oracle-" + UUID.randomUUID();
        HttpResponse<String> kol = api.send("POST", "/records/KolProfile", "msl.us", "{\"hcpId\":\"" + hcp
                + "\",\"name\":\"Dr. Oracle\",\"scientificInterests\":[\"lipids\"],\"visitCount\":7,"
                + "\"lastVisit\":\"2026-11-02\",\"mslNotes\":\"oracle notes\"}");
        assertEquals(201, kol.statusCode(), kol.body());
        HttpResponse<String> plan = api.send("POST", "/records/AccountPlan", "msl.us", "{\"accountId\":\"" + hcp
                + "\",\"medicalObjective\":\"discuss trial design\",\"mslCallFrequency\":\"monthly\"}");
        assertEquals(201, plan.statusCode(), plan.body());
        HttpResponse<String> repPlan = api.send("POST", "/records/AccountPlan", "rep.us", "{\"accountId\":\"" + hcp
                + "\",\"commercialObjective\":\"formulary access\"}");
        assertEquals(201, repPlan.statusCode(), repPlan.body());

        // The rep sees the profile through the KOL door, and the plan without its medical fields ...
        assertEquals(1, count(api.send("GET", "/records/KolProfile?hcpId=" + q(hcp), "rep.us", null)));
        assertEquals(2, count(api.send("GET", "/records/AccountPlan?accountId=" + q(hcp), "rep.us", null)));
        // ... but a right guess of a hidden value answers exactly as a wrong one: nothing.
        for (String[] guess : List.of(new String[] { "KolProfile", "visitCount", "7", "8" },
                new String[] { "KolProfile", "lastVisit", "2026-11-02", "2026-11-03" },
                new String[] { "KolProfile", "mslNotes", "oracle notes", "other notes" },
                new String[] { "AccountPlan", "mslCallFrequency", "monthly", "weekly" },
                new String[] { "AccountPlan", "medicalObjective", "discuss trial design", "x" })) {
            String base = "/records/" + guess[0] + "?hcpId=" + q(hcp);
            if (guess[0].equals("AccountPlan")) {
                base = "/records/AccountPlan?accountId=" + q(hcp);
            }
            HttpResponse<String> right = api.send("GET", base + "&" + guess[1] + "=" + q(guess[2]), "rep.us", null);
            HttpResponse<String> wrong = api.send("GET", base + "&" + guess[1] + "=" + q(guess[3]), "rep.us", null);
            assertEquals(0, count(right), guess[1] + ": a right guess must match nothing");
            assertEquals(right.body(), wrong.body(), guess[1]);
            // The owner's side still filters on it.
            assertEquals(1, count(api.send("GET", base + "&" + guess[1] + "=" + q(guess[2]), "msl.us", null)),
                    guess[1]);
        }
        // The other direction: an MSL cannot filter on the commercial objective.
        assertEquals(0, count(api.send("GET", "/records/AccountPlan?accountId=" + q(hcp)
                + "&commercialObjective=" + q("formulary access"), "msl.us", null)));
        assertEquals(1, count(api.send("GET", "/records/AccountPlan?accountId=" + q(hcp)
                + "&commercialObjective=" + q("formulary access"), "rep.us", null)));
    }

    @Test
    void aFilterOnTheMslSideOfAHandOffMatchesNothingForTheRep() throws Exception {
        ApiClient api = api();
        HttpResponse<String> inquiry = api.send("POST", "/handoffs", "rep.us", "{\"hcpId\":\"hcp-oracle-h\","
                + "\"hcpContact\":{\"email\":\"dr@example.org\"},\"category\":\"MECHANISM_OF_ACTION\","
                + "\"question\":\"How does the metabolite work?\",\"product\":\"Cardiozan\","
                + "\"preferredContact\":{\"channel\":\"EMAIL\",\"window\":\"mornings\"},\"unsolicited\":true}");
        assertEquals(201, inquiry.statusCode(), inquiry.body());
        String id = id(inquiry);
        assertEquals(200, api.send("POST", "/handoffs/" + id + "/accept", "msl.us", "{}").statusCode());
        String mine = "/records/ScientificInquiry?hcpId=hcp-oracle-h";
        assertEquals(1, count(api.send("GET", mine, "rep.us", null)));
        assertEquals(0, count(api.send("GET", mine + "&assignee=msl.us", "rep.us", null)));
        assertEquals(1, count(api.send("GET", mine + "&assignee=msl.us", "msl.us", null)));
    }

    // --- 2. a delete writes every field (A2, E1) ------------------------------------------------------------

    @Test
    void aRepCannotDeleteWhatHoldsMedicalFieldsOrBelongsToMedicalAffairs() throws Exception {
        ApiClient api = api();
        String plan = id(api.send("POST", "/records/AccountPlan", "msl.us",
                "{\"accountId\":\"acc-del\",\"medicalObjective\":\"trial design\"}"));
        HttpResponse<String> d = api.send("DELETE", "/records/AccountPlan/" + plan, "rep.us", null);
        assertEquals(403, d.statusCode(), d.body());
        assertEquals(200, api.send("GET", "/records/AccountPlan/" + plan, "msl.us", null).statusCode());

        String meeting = id(api.send("POST", "/records/Meeting", "msl.us",
                "{\"title\":\"Journal club\",\"kind\":\"OTHER\",\"attendees\":[\"msl.us\",\"msl2.us\"]}"));
        String incentive = id(api.send("POST", "/records/IncentivePlan", "msldir.us",
                "{\"userId\":\"msl.us\",\"metrics\":[\"publications supported\"]}"));
        assertEquals(404, api.send("DELETE", "/records/Meeting/" + meeting, "rep.us", null).statusCode());
        assertEquals(404, api.send("DELETE", "/records/IncentivePlan/" + incentive, "salesdir.us", null).statusCode());
        assertEquals(200, api.send("GET", "/records/Meeting/" + meeting, "msl.us", null).statusCode());
        assertEquals(200, api.send("GET", "/records/IncentivePlan/" + incentive, "msldir.us", null).statusCode());
        // The owner's side deletes its own.
        assertEquals(204, api.send("DELETE", "/records/Meeting/" + meeting, "msl.us", null).statusCode());
    }

    // --- 3. default deny for types and fields the policy does not classify (O3, F2) ---------------------------

    @Test
    void medicalMeetingsAndIncentivesAreNeitherReadableNorWritableByCommercial() throws Exception {
        ApiClient api = api();
        String meeting = id(api.send("POST", "/records/Meeting", "msl.us",
                "{\"title\":\"Advisory prep\",\"kind\":\"OTHER\",\"attendees\":[\"msl.us\"]}"));
        String incentive = id(api.send("POST", "/records/IncentivePlan", "msldir.us",
                "{\"userId\":\"msl.us\",\"metrics\":[\"KOL engagements\"]}"));
        for (String user : List.of("rep.us", "salesdir.us", "vpcomm.us")) {
            assertEquals(404, api.send("GET", "/records/Meeting/" + meeting, user, null).statusCode(), user);
            assertEquals(404, api.send("PUT", "/records/Meeting/" + meeting, user,
                    "{\"title\":\"taken over\"}").statusCode(), user);
            assertEquals(404, api.send("GET", "/records/IncentivePlan/" + incentive, user, null).statusCode(), user);
            assertEquals(404, api.send("PUT", "/records/IncentivePlan/" + incentive, user,
                    "{\"metrics\":[\"calls\"]}").statusCode(), user);
            assertFalse(api.send("GET", "/records/Meeting", user, null).body().contains(meeting), user);
        }
        // A commercial attendee reads (only reads) the meeting they are named in.
        String shared = id(api.send("POST", "/records/Meeting", "msl.us",
                "{\"title\":\"Data release briefing\",\"kind\":\"OTHER\",\"attendees\":[\"msl.us\",\"rep.us\"]}"));
        assertEquals(200, api.send("GET", "/records/Meeting/" + shared, "rep.us", null).statusCode());
        assertEquals(404, api.send("GET", "/records/Meeting/" + shared, "rep2.us", null).statusCode());
        assertTrue(api.send("PUT", "/records/Meeting/" + shared, "rep.us", "{\"title\":\"x\"}").statusCode() >= 400);
    }

    @Test
    void aFieldNobodyClassifiedBelongsToTheOwnersSide() throws Exception {
        ApiClient api = api();
        HttpResponse<String> created = api.send("POST", "/records/Account", "msl.us",
                "{\"name\":\"St. Luke's\",\"kind\":\"HEALTH_SYSTEM\",\"mslImpressions\":\"SECRET-IMPRESSION\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = id(created);
        HttpResponse<String> seen = api.send("GET", "/records/Account/" + id, "rep.us", null);
        assertEquals(200, seen.statusCode(), seen.body()); // the shared account list (A1)
        assertFalse(seen.body().contains("SECRET-IMPRESSION"), seen.body());
        assertEquals("St. Luke's", json(seen).get("name").getAsString());
        assertEquals(403, api.send("PUT", "/records/Account/" + id, "rep.us",
                "{\"mslImpressions\":\"overwritten\"}").statusCode());
        assertTrue(api.send("GET", "/records/Account/" + id, "msl.us", null).body().contains("SECRET-IMPRESSION"));
    }

    // --- 4. a departed owner's record is nobody's (K3) --------------------------------------------------------

    @Test
    void aRecordWhoseOwnerLeftIsRefusedToBusinessUsers() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO crm_record (id, type, owner, region, version, created_at, updated_at, fields) "
                        + "VALUES (?, 'CallReport', 'departed.msl', 'US', 1, ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            s.setString(1, id);
            s.setObject(2, now);
            s.setObject(3, now);
            s.setString(4, "{\"hcpId\":\"hcp-departed\",\"notes\":\"SECRET-DEPARTED\"}");
            s.executeUpdate();
        }
        ApiClient api = api();
        for (String user : List.of("rep.us", "salesdir.us", "msl.us")) {
            HttpResponse<String> r = api.send("GET", "/records/CallReport/" + id, user, null);
            assertEquals(404, r.statusCode(), user + ": " + r.body());
            assertFalse(api.send("GET", "/records/CallReport?hcpId=hcp-departed", user, null).body()
                    .contains("SECRET-DEPARTED"), user);
            assertEquals(404, api.send("PUT", "/records/CallReport/" + id, user, "{\"notes\":\"x\"}").statusCode(), user);
        }
        // Compliance still sees it, to give it an owner.
        assertEquals(200, api.send("GET", "/records/CallReport/" + id, "compliance.us", null).statusCode());
    }

    // --- 5. fail closed without the compliance decision, whatever else is registered (X5) ----------------------

    @Test
    void anotherInterceptorDoesNotStandInForCompliance() throws Exception {
        ServiceRegistration<OperationInterceptor> stray = context.registerService(OperationInterceptor.class,
                op -> Decision.allow(), new Hashtable<>());
        Bundle compliance = Fixtures.complianceBundle(context);
        ApiClient api = api();
        try {
            compliance.stop();
            OperationRefusedException e = assertThrows(OperationRefusedException.class,
                    () -> records.create(caller(users, "msl.us"), "CallReport", Map.of("notes", "unchecked?")));
            assertEquals(RefusalKind.POLICY_UNAVAILABLE, e.refusal().kind());
            HttpResponse<String> health = api.send("GET", "/health", null, null);
            assertTrue(health.body().contains("\"status\":\"FAIL_CLOSED\""), health.body());
            assertTrue(health.body().contains("\"interception\":\"NO_COMPLIANCE\""), health.body());
        } finally {
            compliance.start();
            stray.unregister();
        }
        Await.until("health UP again", () -> call(() -> api.send("GET", "/health", null, null).body()
                .contains("\"status\":\"UP\"")));
    }

    // --- 6. every allowed write is one audit entry, without content (X2, H8) ------------------------------------

    @Test
    void everyAllowedWriteIsAuditedWithItsVersionAndNoContent() throws Exception {
        ApiClient api = api();
        String secret = "SECRET-WRITE-" + UUID.randomUUID();
        String id = id(api.send("POST", "/records/CallReport", "msl.us", "{\"hcpId\":\"hcp-w\",\"notes\":\"" + secret
                + "\"}"));
        assertEquals(200, api.send("PUT", "/records/CallReport/" + id, "msl.us", "{\"notes\":\"" + secret + "2\"}")
                .statusCode());
        assertEquals(204, api.send("POST", "/records/CallReport/" + id + "/share", "msl.us",
                "{\"recipient\":\"msl2.us\"}").statusCode());
        assertEquals(204, api.send("DELETE", "/records/CallReport/" + id, "msl.us", null).statusCode());
        List<AuditEntry> mine = audit.newest("US", null, 0, 1000).stream()
                .filter(e -> id.equals(e.event().recordId()) && "ALLOW".equals(e.event().outcome())).toList();
        assertEquals(List.of("DELETE", "SHARE", "UPDATE", "CREATE"),
                mine.stream().map(e -> e.event().action()).toList());
        assertEquals(List.of(2L, 2L, 2L, 1L), mine.stream().map(e -> ((Number) e.event().newValues().get("version"))
                .longValue()).toList());
        for (AuditEntry e : mine) {
            assertEquals("msl.us", e.event().actor());
            assertEquals("us", e.event().policyId());
            assertFalse(e.toString().contains(secret), "no record content in the trail");
        }
        assertTrue(audit.verify().valid());
    }

    @Test
    void anAdminChangeOfARegionIsAuditedWithWhoMadeIt() throws Exception {
        ApiClient api = api();
        long before = audit.newest(null, null, 0, 1).get(0).seq();
        HttpResponse<String> r = api.send("PUT", "/admin/regions/US", "admin",
                "{\"modules\":[\"compliance\",\"handoff\",\"kol-export\",\"events\"],\"policy\":\"us\"}");
        assertEquals(200, r.statusCode(), r.body());
        Await.until("the region change audited", () -> audit.newest("US", null, 0, 50).stream().anyMatch(e -> e.seq() > before
                && "CONFIG_UPDATED".equals(e.event().action()) && "admin".equals(e.event().actor())));
    }

    // --- 7. one audit entry per list, newest first with a cursor (X2) -----------------------------------------

    @Test
    void aListOfConcealedRecordsIsOneAuditEntryAndTheTrailPagesNewestFirst() throws Exception {
        ApiClient api = api();
        for (int i = 0; i < 12; i++) {
            api.send("POST", "/records/CallReport", "msl.us", "{\"hcpId\":\"hcp-amp\",\"notes\":\"n" + i + "\"}");
        }
        long before = audit.newest(null, null, 0, 1).get(0).seq();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, count(api.send("GET", "/records/CallReport?hcpId=hcp-amp", "rep.us", null)));
        }
        List<AuditEntry> added = audit.newest(null, null, 0, 1000).stream().filter(e -> e.seq() > before).toList();
        assertEquals(5, added.size(), added.toString());
        for (AuditEntry e : added) {
            assertEquals("LIST", e.event().outcome());
            assertTrue(((Number) e.event().newValues().get("concealed")).intValue() >= 12, e.toString());
        }

        // GET /audit: newest first, region filtered in the query, and a cursor that loses nothing.
        List<Long> seqs = new ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> page = api.send("GET", "/audit?limit=7" + (next == null ? "" : "&before=" + next),
                    "compliance.us", null);
            assertEquals(200, page.statusCode(), page.body());
            JsonObject body = json(page);
            for (JsonElement e : body.getAsJsonArray("entries")) {
                JsonObject entry = e.getAsJsonObject();
                String region = entry.getAsJsonObject("event").get("region").getAsString();
                assertTrue(region.equals("US") || region.equals("GLOBAL"), region);
                seqs.add(entry.get("seq").getAsLong());
            }
            next = body.has("next") ? body.get("next").getAsString() : null;
        } while (next != null && seqs.size() < 70);
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) < seqs.get(i - 1), "newest first, no repeats: " + seqs);
        }
        assertTrue(seqs.get(0) >= added.get(0).seq());
    }

    // --- 8. no version, time or order that moves with medical-only edits (K3) -----------------------------------

    @Test
    void anMslEditOfMedicalOnlyFieldsLeavesNoTraceInTheCommercialView() throws Exception {
        ApiClient api = api();
        String hcp = "hcp-meta-" + UUID.randomUUID();
        String id = id(api.send("POST", "/records/KolProfile", "msl.us", "{\"hcpId\":\"" + hcp
                + "\",\"name\":\"Dr. Meta\",\"scientificInterests\":[\"lipids\"],\"mslNotes\":\"first\"}"));
        JsonObject repBefore = json(api.send("GET", "/records/KolProfile/" + id, "rep.us", null));
        Instant afterCreate = Instant.now();
        Thread.sleep(5);
        // The MSL edits medical-only fields, twice.
        assertEquals(200, api.send("PUT", "/records/KolProfile/" + id, "msl.us",
                "{\"mslNotes\":\"second\",\"visitCount\":3}").statusCode());
        assertEquals(200, api.send("PUT", "/records/KolProfile/" + id, "msl.us", "{\"lastVisit\":\"2026-12-01\"}")
                .statusCode());
        JsonObject repAfter = json(api.send("GET", "/records/KolProfile/" + id, "rep.us", null));
        assertFalse(repAfter.has("owner"), "which MSL holds the relationship stays with Medical Affairs: " + repAfter);
        assertEquals(repBefore.get("version"), repAfter.get("version"));
        assertEquals(repBefore.get("updatedAt"), repAfter.get("updatedAt"));
        assertEquals(repBefore.toString(), repAfter.toString());
        // The MSL sees the real version.
        assertEquals(3, json(api.send("GET", "/records/KolProfile/" + id, "msl.us", null)).get("version").getAsInt());
        // An export since before the edits does not hand the profile to the rep again.
        HttpResponse<String> since = api.send("GET", "/kol-intelligence/export?region=US&since=" + afterCreate,
                "rep.us", null);
        assertEquals(200, since.statusCode(), since.body());
        assertFalse(since.body().contains(hcp), since.body());
        // A scientific edit (a field the door lets cross) does move it.
        assertEquals(200, api.send("PUT", "/records/KolProfile/" + id, "msl.us",
                "{\"scientificInterests\":[\"lipids\",\"inflammation\"]}").statusCode());
        assertTrue(api.send("GET", "/kol-intelligence/export?region=US&since=" + afterCreate, "rep.us", null)
                .body().contains(hcp));
    }

    @Test
    void aStaleVersionOnARecordTheCallerMayNotSeeAnswersAsAbsence() throws Exception {
        ApiClient api = api();
        String id = id(api.send("POST", "/records/CallReport", "msl.us", "{\"hcpId\":\"hcp-409\",\"notes\":\"n\"}"));
        HttpResponse<String> stale = api.send("PUT", "/records/CallReport/" + id, "rep.us",
                "{\"notes\":\"x\",\"version\":99}");
        HttpResponse<String> absent = api.send("PUT", "/records/CallReport/" + UUID.randomUUID(), "rep.us",
                "{\"notes\":\"x\",\"version\":99}");
        assertEquals(404, stale.statusCode(), stale.body());
        assertEquals(absent.statusCode(), stale.statusCode());
        // The whole answer, message included, is that of an absent record, on every path that names one.
        String absentId = UUID.randomUUID().toString();
        for (String[] call : List.of(new String[] { "GET", "", null }, new String[] { "PUT", "", "{\"notes\":\"x\"}" },
                new String[] { "DELETE", "", null }, new String[] { "POST", "/share", "{\"recipient\":\"rep2.us\"}" },
                new String[] { "POST", "/assign", "{\"assignee\":\"rep2.us\"}" })) {
            HttpResponse<String> hidden = api.send(call[0], "/records/CallReport/" + id + call[1], "rep.us", call[2]);
            HttpResponse<String> none = api.send(call[0], "/records/CallReport/" + absentId + call[1], "rep.us",
                    call[2]);
            assertEquals(none.statusCode() + none.body().replace(absentId, "ID"),
                    hidden.statusCode() + hidden.body().replace(id, "ID"), call[0] + call[1]);
        }
        // A commercial writer's version is the one they see: medical edits do not make it stale.
        String plan = id(api.send("POST", "/records/AccountPlan", "rep.us",
                "{\"accountId\":\"acc-409\",\"commercialObjective\":\"access\"}"));
        long seen = json(api.send("GET", "/records/AccountPlan/" + plan, "rep.us", null)).get("version").getAsLong();
        assertEquals(200, api.send("PUT", "/records/AccountPlan/" + plan, "msl.us",
                "{\"medicalObjective\":\"trial design\"}").statusCode());
        HttpResponse<String> w = api.send("PUT", "/records/AccountPlan/" + plan, "rep.us",
                "{\"commercialObjective\":\"access 2\",\"version\":" + seen + "}");
        assertEquals(200, w.statusCode(), w.body());
        // Oversight sees every field, so the real version: three writes.
        CrmRecord stored = records.read(caller(users, "compliance.us"), "AccountPlan", plan).orElseThrow();
        assertEquals(3, stored.version());
    }

    /** A check that may throw, for {@link Await}. */
    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean call(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            return false;
        }
    }
}
