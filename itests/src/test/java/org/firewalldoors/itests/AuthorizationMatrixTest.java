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

    /** One row of the table: a request, who gets which status, and whether the body may show the secrets. */
    /** A refusal that may be a 403 or a 404: the caller learns nothing either way. */
    private static final int HIDDEN = -1;

    private record Row(String name, String method, String path, String body, Predicate<Principal> allowed,
            int allowedStatus, int refusedStatus) {
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

        Predicate<Principal> medicalUs = p -> p.region().equals("US") && p.function().name().equals("MEDICAL");
        Predicate<Principal> oversightUs = p -> p.region().equals("US")
                && (p.function().name().equals("COMPLIANCE") || p.function().name().equals("LEGAL"));
        List<Row> rows = List.of(
                new Row("me", "GET", "/me", null, p -> true, 200, 0),
                new Row("MSL call report by id", "GET", "/records/CallReport/" + reportId, null,
                        medicalUs.or(oversightUs), 200, 404),
                // Status depends on the region's policy (EU fails closed without one, admins are refused);
                // what matters here is that the notes never show.
                new Row("call reports, queried", "GET", "/records/CallReport?hcpId=hcp-matrix", null, p -> true, 0, 0),
                new Row("call reports, exported by share", "POST", "/records/CallReport/" + reportId + "/share",
                        "{\"recipient\":\"msl2.us\"}", medicalUs.or(oversightUs), 204, 404),
                new Row("escalations", "GET", "/escalations", null, role("COMPLIANCE_OFFICER", "MEDICAL_HEAD"), 200, 403),
                new Row("escalation by id", "GET", "/escalations/" + escalationId, null,
                        p -> p.region().equals("US") && role("COMPLIANCE_OFFICER", "MEDICAL_HEAD").test(p), 200, 404),
                new Row("audit", "GET", "/audit", null, p -> p.function().name().equals("COMPLIANCE"), 200, 403),
                new Row("audit verify", "GET", "/audit/verify", null, p -> p.function().name().equals("COMPLIANCE"), 200, 403),
                new Row("reviews", "GET", "/reviews", null, role("COMPLIANCE_OFFICER"), 200, 403),
                new Row("admin regions", "GET", "/admin/regions", null, role("ADMIN"), 200, 403),
                new Row("file a concern", "POST", "/concerns", "{\"description\":\"matrix\"}",
                        p -> p.function().name().equals("MEDICAL"), 201, 403),
                new Row("policies", "GET", "/policies", null, p -> true, 200, 0),
                new Row("hand-off queue", "GET", "/handoffs", null,
                        // Commercial sees its own submissions (none for a director), Medical the queue.
                        p -> p.function().name().equals("COMMERCIAL") || p.function().name().equals("MEDICAL"), 200, 403),
                new Row("hand-off by id", "GET", "/handoffs/" + inquiryId, null,
                        p -> p.id().equals("rep.us") || medicalUs.test(p), 200, HIDDEN),
                new Row("inbox", "GET", "/inbox", null, p -> true, 200, 0),
                new Row("KOL profile by id", "GET", "/kols/" + kolId, null,
                        p -> p.region().equals("US") && (p.function().name().equals("MEDICAL")
                                || p.function().name().equals("COMMERCIAL")) || oversightUs.test(p), 200, HIDDEN),
                // Each caller gets their region's profiles as they may see them; the notes show to Medical only.
                new Row("KOL profiles, listed", "GET", "/kols", null, p -> true, 0, 0),
                new Row("KOL export", "GET", "/kol-intelligence/export?region=US", null,
                        p -> p.region().equals("US") && (p.function().name().equals("MEDICAL")
                                || p.function().name().equals("COMMERCIAL")), 200, HIDDEN),
                new Row("missed committee meetings", "GET", "/committee/missed", null,
                        role("COMPLIANCE_OFFICER", "MEDICAL_HEAD"), 200, 403));

        List<String> failures = new ArrayList<>();
        int requests = 0;
        int leaks = 0;
        for (Row row : rows) {
            for (String user : USERS) {
                Principal p = users.find(user).orElseThrow();
                boolean allowed = row.allowed().test(p);
                HttpResponse<String> r = api.send(row.method(), row.path(), user, row.body());
                requests++;
                int expected = allowed ? row.allowedStatus() : row.refusedStatus();
                if (expected == HIDDEN) {
                    expected = r.statusCode() == 403 ? 403 : 404; // refused or absent: either leaks nothing
                }
                if (r.statusCode() >= 500 && r.statusCode() != 503) {
                    failures.add(row.name() + " as " + user + ": server error " + r.statusCode());
                }
                if (expected != 0 && r.statusCode() != expected) {
                    failures.add(row.name() + " as " + user + ": expected " + expected + ", got " + r.statusCode());
                }
                boolean mayReadNotes = medicalUs.or(oversightUs).test(p);
                boolean mayReadMslNotes = medicalUs.or(oversightUs).test(p);
                boolean mayReadConcern = p.region().equals("US") && role("COMPLIANCE_OFFICER", "MEDICAL_HEAD").test(p);
                String everything = r.headers().map() + r.body();
                if (!mayReadNotes && everything.contains(notes) || !mayReadConcern && everything.contains(concern)
                        || !mayReadMslNotes && everything.contains(mslNotes)) {
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

    private static String id(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
    }
}
