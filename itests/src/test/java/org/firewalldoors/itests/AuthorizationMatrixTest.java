package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * Every endpoint x every demo user of both regions, against one table of expectations: who may do and see
 * what. Zero leaks: what may not be seen is absent (404), and no body carries a protected value.
 */
class AuthorizationMatrixTest {

    private static final List<String> USERS = List.of("rep.us", "rep2.us", "salesdir.us", "vpcomm.us", "msl.us",
            "msl2.us", "msldir.us", "medhead.us", "compliance.us", "legal.us", "rep.eu", "rep2.eu", "salesdir.eu",
            "vpcomm.eu", "msl.eu", "msl2.eu", "msldir.eu", "medhead.eu", "compliance.eu", "legal.eu", "admin");

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;
    @InjectService
    UserDirectory users;

    /**
     * One row: a request (its path may depend on the caller, for a record made fresh for each), the status each
     * caller gets, and a marker that only some callers may find in the answer.
     */
    private record Row(String name, String method, PathFor path, String body, ToIntFunction<Principal> status,
            String marker, Predicate<Principal> maySeeMarker) {

        Row(String name, String method, String path, String body, Predicate<Principal> allowed, int allowedStatus,
                int refusedStatus) {
            this(name, method, p -> path, body, p -> allowed.test(p) ? allowedStatus : refusedStatus, null, p -> true);
        }

        Row(String name, String method, String path, String body, ToIntFunction<Principal> status) {
            this(name, method, p -> path, body, status, null, p -> true);
        }
    }

    /** The path of a row's request for one caller. */
    @FunctionalInterface
    private interface PathFor {
        String of(Principal caller) throws Exception;
    }

    private static Predicate<Principal> role(String... roles) {
        Set<String> set = Set.of(roles);
        return p -> set.contains(p.role());
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSaysAndNothingLeaks() throws Exception {
        ApiClient api = new ApiClient(runtime, "/api/v1/admin/regions");
        String notes = "SECRET-NOTES-" + UUID.randomUUID();
        String concern = "SECRET-CONCERN-" + UUID.randomUUID();
        HttpResponse<String> report = api.send("POST", "/records/CallReport", "msl.us",
                "{\"hcpId\":\"hcp-matrix\",\"notes\":\"" + notes + "\"}");
        assertEquals(201, report.statusCode(), report.body());
        String reportId = id(report);
        HttpResponse<String> filed = api.send("POST", "/concerns", "msl2.us", "{\"description\":\"" + concern + "\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String escalationId = id(filed);

        // A hand-off completed with MSL notes, and a KOL profile with MSL notes: Medical Affairs' eyes only.
        String mslNotes = "SECRET-MSLNOTES-" + UUID.randomUUID();
        HttpResponse<String> inquiry = api.send("POST", "/handoffs", "rep.us", "{\"hcpId\":\"hcp-matrix\","
                + "\"hcpContact\":{\"email\":\"dr@example.org\"},\"category\":\"MECHANISM_OF_ACTION\","
                + "\"question\":\"How does the metabolite work?\",\"product\":\"Cardiozan\","
                + "\"preferredContact\":{\"channel\":\"EMAIL\",\"window\":\"mornings\"},\"unsolicited\":true}");
        assertEquals(201, inquiry.statusCode(), inquiry.body());
        String inquiryId = id(inquiry);
        assertEquals(200, api.send("POST", "/handoffs/" + inquiryId + "/accept", "msl.us", "{}").statusCode());
        HttpResponse<String> completed = api.send("POST", "/handoffs/" + inquiryId + "/complete", "msl.us",
                "{\"notes\":\"" + mslNotes + "\"}");
        assertEquals(200, completed.statusCode(), completed.body());
        HttpResponse<String> kolProfile = api.send("POST", "/kols", "msl.us", "{\"hcpId\":\"hcp-matrix-kol\","
                + "\"name\":\"Dr. Matrix\",\"scientificInterests\":[\"lipids\"],\"mslNotes\":\"" + mslNotes + "\"}");
        assertEquals(201, kolProfile.statusCode(), kolProfile.body());
        String kolId = id(kolProfile);

        // An MSL's account plan, meeting and incentive plan (medical-only fields; types the policy gives the owner).
        assertEquals(201, api.send("POST", "/records/AccountPlan", "msl.us",
                "{\"accountId\":\"acc-matrix\",\"mslCallFrequency\":\"monthly\"}").statusCode());
        String meetingTitle = "SECRET-MEETING-" + UUID.randomUUID();
        String meetingId = id(api.send("POST", "/records/Meeting", "msl.us", "{\"title\":\"" + meetingTitle
                + "\",\"kind\":\"OTHER\",\"attendees\":[\"msl.us\",\"msl2.us\"]}"));
        String incentiveMetric = "SECRET-METRIC-" + UUID.randomUUID();
        String incentiveId = id(api.send("POST", "/records/IncentivePlan", "msldir.us",
                "{\"userId\":\"msl.us\",\"metrics\":[\"" + incentiveMetric + "\"]}"));

        ToIntFunction<Principal> notAdmin = p -> p.function().name().equals("ADMIN") ? 403 : 200;
        Predicate<Principal> medicalUs = p -> p.region().equals("US") && p.function().name().equals("MEDICAL");
        Predicate<Principal> oversightUs = p -> p.region().equals("US")
                && (p.function().name().equals("COMPLIANCE") || p.function().name().equals("LEGAL"));
        List<Row> rows = List.of(
                new Row("me", "GET", "/me", null, p -> 200),
                new Row("MSL call report by id", "GET", "/records/CallReport/" + reportId, null,
                        medicalUs.or(oversightUs), 200, 404),
                // Every business user queries their own region's reports (the notes never show); admins hold
                // no business data (F1).
                new Row("call reports, queried", "GET", "/records/CallReport?hcpId=hcp-matrix", null, notAdmin),
                // A filter on the notes matches only for those who may read them: a right guess finds nothing.
                new Row("call reports, filtered on the notes", "GET", p -> "/records/CallReport?hcpId=hcp-matrix&notes="
                        + notes, null, notAdmin, "hcp-matrix", medicalUs.or(oversightUs)),
                new Row("KOL profiles, filtered on MSL notes", "GET", p -> "/records/KolProfile?hcpId=hcp-matrix-kol"
                        + "&mslNotes=" + mslNotes, null, notAdmin, "hcp-matrix-kol", medicalUs.or(oversightUs)),
                new Row("account plans, filtered on the MSL call frequency", "GET",
                        p -> "/records/AccountPlan?accountId=acc-matrix&mslCallFrequency=monthly", null, notAdmin,
                        "acc-matrix", medicalUs.or(oversightUs)),
                // A delete writes every field the type holds: an account plan has both sides' objectives, so only
                // oversight deletes one (A2); the answer does not depend on which fields this plan holds.
                new Row("MSL account plan, deleted", "DELETE", p -> "/records/AccountPlan/" + fresh(api, "AccountPlan",
                        "{\"accountId\":\"acc-del-matrix\",\"medicalObjective\":\"trial design\"}"), null,
                        p -> !p.region().equals("US") ? 404 : oversightUs.test(p) ? 204 : 403, null,
                        p -> true),
                // Medical Affairs' meetings and incentive plans: the other side neither sees nor deletes them.
                new Row("MSL meeting, read", "GET", p -> "/records/Meeting/" + meetingId, null,
                        p -> medicalUs.or(oversightUs).test(p) ? 200 : 404, meetingTitle, medicalUs.or(oversightUs)),
                new Row("MSL meetings, listed", "GET", p -> "/records/Meeting", null, notAdmin, meetingTitle,
                        medicalUs.or(oversightUs)),
                new Row("MSL meeting, deleted", "DELETE", p -> "/records/Meeting/" + fresh(api, "Meeting",
                        "{\"title\":\"Journal club\",\"kind\":\"OTHER\",\"attendees\":[\"msl.us\"]}"), null,
                        p -> medicalUs.or(oversightUs).test(p) ? 204 : 404, null, p -> true),
                new Row("MSL incentive plan, read", "GET", p -> "/records/IncentivePlan/" + incentiveId, null,
                        p -> medicalUs.or(oversightUs).test(p) ? 200 : 404, incentiveMetric,
                        medicalUs.or(oversightUs)),
                new Row("MSL incentive plan, changed", "PUT", p -> "/records/IncentivePlan/" + incentiveId,
                        "{\"metrics\":[\"calls\"]}",
                        p -> medicalUs.or(oversightUs).test(p) ? 200 : 404, null, p -> true),
                new Row("call reports, exported by share", "POST", "/records/CallReport/" + reportId + "/share",
                        "{\"recipient\":\"msl2.us\"}", medicalUs.or(oversightUs), 204, 404),
                new Row("escalations", "GET", "/escalations", null, role("COMPLIANCE_OFFICER", "MEDICAL_HEAD"), 200, 403),
                new Row("escalation by id", "GET", "/escalations/" + escalationId, null,
                        p -> p.region().equals("US") && role("COMPLIANCE_OFFICER", "MEDICAL_HEAD").test(p), 200, 404),
                new Row("audit", "GET", "/audit", null, p -> p.function().name().equals("COMPLIANCE"), 200, 403),
                new Row("audit verify", "GET", "/audit/verify", null, p -> p.function().name().equals("COMPLIANCE"), 200, 403),
                new Row("reviews", "GET", "/reviews", null, role("COMPLIANCE_OFFICER"), 200, 403),
                new Row("review training rows", "GET", "/reviews/training-rows", null, role("COMPLIANCE_OFFICER"), 200,
                        403),
                new Row("review label, no such item", "POST", "/reviews/nope/label", "{\"label\":\"commercial\"}",
                        role("COMPLIANCE_OFFICER"), 404, 403),
                new Row("admin regions", "GET", "/admin/regions", null, role("ADMIN"), 200, 403),
                new Row("file a concern", "POST", "/concerns", "{\"description\":\"matrix\"}",
                        p -> p.function().name().equals("MEDICAL"), 201, 403),
                new Row("policies", "GET", "/policies", null, p -> 200),
                new Row("hand-off queue", "GET", "/handoffs", null,
                        // Commercial sees its own submissions (none for a director), Medical the queue.
                        p -> p.function().name().equals("COMMERCIAL") || p.function().name().equals("MEDICAL"), 200, 403),
                // The submitter and Medical Affairs of the region read it; oversight and admins have no role in
                // the hand-off (403, no data); everybody else finds nothing (404).
                new Row("hand-off by id", "GET", "/handoffs/" + inquiryId, null,
                        p -> p.id().equals("rep.us") || medicalUs.test(p) ? 200
                                : Set.of("COMPLIANCE", "LEGAL", "ADMIN").contains(p.function().name()) ? 403 : 404),
                new Row("inbox", "GET", "/inbox", null, p -> 200),
                new Row("KOL profile by id", "GET", "/kols/" + kolId, null,
                        p -> p.region().equals("US") && (p.function().name().equals("MEDICAL")
                                || p.function().name().equals("COMMERCIAL")) || oversightUs.test(p), 200, 404),
                // Each caller gets their region's profiles as they may see them; the notes show to Medical only.
                new Row("KOL profiles, listed", "GET", "/kols", null, notAdmin),
                new Row("KOL export", "GET", "/kol-intelligence/export?region=US", null,
                        p -> p.region().equals("US") && (p.function().name().equals("MEDICAL")
                                || p.function().name().equals("COMMERCIAL")), 200, 403),
                new Row("missed committee meetings", "GET", "/committee/missed", null,
                        role("COMPLIANCE_OFFICER", "MEDICAL_HEAD"), 200, 403));

        List<String> failures = new ArrayList<>();
        int requests = 0;
        int leaks = 0;
        for (Row row : rows) {
            for (String user : USERS) {
                Principal p = users.find(user).orElseThrow();
                HttpResponse<String> r = api.send(row.method(), row.path().of(p), user, row.body());
                requests++;
                int expected = row.status().applyAsInt(p);
                if (r.statusCode() != expected) {
                    failures.add(row.name() + " as " + user + ": expected " + expected + ", got " + r.statusCode());
                }
                boolean mayReadNotes = medicalUs.or(oversightUs).test(p);
                boolean mayReadMslNotes = medicalUs.or(oversightUs).test(p);
                boolean mayReadConcern = p.region().equals("US") && role("COMPLIANCE_OFFICER", "MEDICAL_HEAD").test(p);
                String everything = r.headers().map() + r.body();
                if (!mayReadNotes && everything.contains(notes) || !mayReadConcern && everything.contains(concern)
                        || !mayReadMslNotes && everything.contains(mslNotes)
                        || row.marker() != null && !row.maySeeMarker().test(p) && everything.contains(row.marker())) {
                    leaks++;
                    failures.add("LEAK: " + row.name() + " as " + user);
                }
            }
        }
        System.out.printf("authorization: %d rows x %d users = %d requests, %d unexpected answers, %d leaks%n",
                rows.size(), USERS.size(), requests, failures.size() - leaks, leaks);
        assertEquals(List.of(), failures);
        assertTrue(requests >= 200);
    }

    /** @return the id of a record made by msl.us just now, for a request that may remove it */
    private static String fresh(ApiClient api, String type, String body) throws Exception {
        HttpResponse<String> r = api.send("POST", "/records/" + type, "msl.us", body);
        assertEquals(201, r.statusCode(), r.body());
        return id(r);
    }

    private static String id(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
    }
}
