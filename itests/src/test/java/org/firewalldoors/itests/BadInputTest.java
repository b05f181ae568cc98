package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * A corpus of bad input against the API: every case gets a 4xx in the error shape, never a 5xx, and the
 * store is unchanged. Content that merely looks dangerous (SQL, script, control characters) is stored and
 * returned exactly.
 */
class BadInputTest {

    private static final String JSON = "application/json";

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private record Case(String name, String method, String path, String user, byte[] body, String contentType) {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Bodies that are not acceptable JSON objects, whatever the resource. */
    private static List<byte[]> malformedBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of("", " ", "{", "}", "[]", "null", "42", "\"text\"", "true", "{\"subject\":\"a\"}{}",
                "{'subject':'a'}", "{subject:\"a\"}", "{\"subject\":\"a\",}", "{\"subject\":NaN}",
                "{\"subject\":\"a\",\"subject\":\"b\"}", "{\"subject\":\"a\"} trailing", "{\"subject\": 1e999}",
                "{\"subject\":\"\\ud800\"}", "{\"subject\":\"nul\\u0000\"}",
                "{\"subject\":\"a\" \"x\":1}", "[{\"subject\":\"a\"}]", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"a\":" + "{\"b\":".repeat(3000) + "1" + "}".repeat(3000) + "}")) {
            bodies.add(utf8(s));
        }
        bodies.add(new byte[] { '{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
        bodies.add(new byte[] { '{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' });
        bodies.add(utf8("{\"subject\":\"" + "x".repeat(70_000) + "\"}"));
        return bodies;
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String[][] targets = {
            { "POST", "/records/Task", "rep.us" }, { "POST", "/records/CallReport", "msl.us" },
            { "PUT", "/records/Task/%TASK%", "rep.us" }, { "POST", "/concerns", "msl.us" },
            { "PUT", "/admin/regions/ZZ", "admin" }, { "POST", "/records/Task/%TASK%/share", "rep.us" },
            { "POST", "/records/Task/%TASK%/assign", "rep.us" }, { "POST", "/escalations/nope/resolve", "compliance.us" } };
        int i = 0;
        for (String[] t : targets) {
            for (byte[] body : malformedBodies()) {
                cases.add(new Case("malformed #" + (i++) + " " + t[0] + " " + t[1], t[0], t[1], t[2], body, JSON));
            }
        }
        String[] recordBodies = {
            "Task|{\"subject\":42}", "Task|{\"subject\":true}", "Task|{\"subject\":[]}", "Task|{\"subject\":{}}",
            "Task|{\"subject\":null}", "Task|{}", "Task|{\"subject\":\"x\",\"dueDate\":\"9999-99-99\"}",
            "Task|{\"subject\":\"x\",\"dueDate\":\"2026-02-30\"}", "Task|{\"subject\":\"x\",\"dueDate\":\"0001-01-01\"}",
            "Task|{\"subject\":\"x\",\"dueDate\":20261125}", "Task|{\"subject\":\"x\",\"assignee\":42}",
            "Task|{\"subject\":\"x\",\"assignee\":\"nobody\"}", "Task|{\"subject\":\"x\",\"assignee\":[\"rep.us\"]}",
            "Task|{\"subject\":\"x\",\"id\":\"mine\"}", "Task|{\"subject\":\"x\",\"owner\":\"vpcomm.us\"}",
            "Task|{\"subject\":\"x\",\"region\":\"EU\"}", "Task|{\"subject\":\"x\",\"version\":3}",
            "Task|{\"subject\":\"x\",\"createdAt\":\"2020-01-01T00:00:00Z\"}",
            "Task|{\"subject\":\"" + "y".repeat(10_001) + "\"}", "Task|{\"subject\":\"x\",\"bad-name\":1}",
            "Task|{\"subject\":\"x\",\"\":1}", "Task|{\"subject\":\"x\",\"__proto__\":{}}",
            "Task|{\"subject\":\"x\",\"extra\":null}",
            "Account|{\"name\":\"a\",\"kind\":\"CLINIC\"}", "Account|{\"name\":\"a\",\"kind\":1}",
            "Account|{\"kind\":\"HCP\"}", "Account|{\"name\":null,\"kind\":\"HCP\"}",
            "Meeting|{\"title\":\"t\",\"kind\":\"PARTY\"}", "Meeting|{\"title\":\"t\",\"scheduledAt\":\"tomorrow\"}",
            "Meeting|{\"title\":\"t\",\"scheduledAt\":\"2026-11-25T10:00:00\"}",
            "Meeting|{\"title\":\"t\",\"scheduledAt\":\"+99999-01-01T00:00:00Z\"}",
            "Meeting|{\"title\":\"t\",\"attendees\":\"msl.us\"}", "Meeting|{\"title\":\"t\",\"attendees\":[1,2]}",
            "Meeting|{\"title\":\"t\",\"minutesApproved\":\"yes\"}",
            "CallReport|{\"notes\":\"n\",\"channel\":\"FAX\"}", "CallReport|{\"notes\":\"n\",\"date\":\"yesterday\"}",
            "IncentivePlan|{\"userId\":\"rep.us\",\"metrics\":\"calls\"}", "IncentivePlan|{\"metrics\":[\"calls\"]}",
            "NoSuchType|{\"a\":1}", "task|{\"subject\":\"x\"}" };
        for (String rb : recordBodies) {
            String[] parts = rb.split("\\|", 2);
            String user = parts[0].equals("CallReport") ? "msl.us" : parts[0].equals("IncentivePlan") ? "salesdir.us" : "rep.us";
            cases.add(new Case("record " + rb.substring(0, Math.min(rb.length(), 60)), "POST", "/records/" + parts[0],
                    user, utf8(parts[1]), JSON));
        }
        String[][] paths = {
            { "GET", "/records/Task/..%2F..%2Fetc%2Fpasswd", "rep.us" }, { "GET", "/records/..%2Fme", "rep.us" },
            { "GET", "/records/Task/%00", "rep.us" }, { "GET", "/records/NoSuchType/1", "rep.us" },
            { "GET", "/records/Task/..;/..;/me", "rep.us" }, { "GET", "/records/Task/%2e%2e", "rep.us" },
            { "GET", "/records/Task/a/b/c", "rep.us" }, { "DELETE", "/records/Task/does-not-exist", "rep.us" },
            { "GET", "/audit?since=yesterday", "compliance.us" }, { "GET", "/audit?limit=-1", "compliance.us" },
            { "GET", "/audit?limit=abc", "compliance.us" }, { "GET", "/audit?limit=100000", "compliance.us" },
            { "GET", "/reviews?status=BOGUS", "compliance.us" }, { "GET", "/escalations/..%2F..", "compliance.us" },
            { "GET", "/admin/regions/NOPE", "admin" }, { "DELETE", "/records/Task", "rep.us" },
            { "GET", "/records/Task/%TASK%/share", "rep.us" } };
        for (String[] p : paths) {
            cases.add(new Case("path " + p[0] + " " + p[1], p[0], p[1], p[2], null, null));
        }
        cases.add(new Case("PUT unknown record", "PUT", "/records/Task/does-not-exist", "rep.us", utf8("{\"subject\":\"x\"}"), JSON));
        cases.add(new Case("text/plain body", "POST", "/records/Task", "rep.us", utf8("{\"subject\":\"x\"}"), "text/plain"));
        cases.add(new Case("form body", "POST", "/records/Task", "rep.us", utf8("subject=x"),
                "application/x-www-form-urlencoded"));
        cases.add(new Case("xml body", "POST", "/concerns", "msl.us", utf8("<concern/>"), "application/xml"));
        return cases;
    }

    @Test
    void everyBadInputGetsA4xxInTheErrorShapeAndChangesNothing() throws Exception {
        ApiClient api = new ApiClient(runtime, "/api/v1/admin/regions");
        HttpResponse<String> created = api.send("POST", "/records/Task", "rep.us", "{\"subject\":\"bad input anchor\"}");
        assertEquals(201, created.statusCode(), created.body());
        String task = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
        Map<String, Integer> before = counts(api);

        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int serverRefused = 0;
        List<Case> corpus = corpus();
        for (Case c : corpus) {
            HttpResponse<String> r = api.sendBytes(c.method(), c.path().replace("%TASK%", task), c.user(), c.body(),
                    c.contentType());
            if (r.statusCode() >= 500) {
                serverErrors++;
            }
            boolean refusedByServer = r.statusCode() == 400 && r.body().startsWith("<")
                    && (c.path().contains("%") || c.path().contains(";"));
            if (refusedByServer) {
                // Jetty refuses ambiguous paths (%2F, %00, path parameters) itself, before any servlet, with its own page.
                serverRefused++;
            } else if (r.statusCode() < 400 || r.statusCode() >= 500 || !errorShaped(r.body())) {
                failures.add(c.name() + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        Map<String, Integer> after = counts(api);
        HttpResponse<String> anchor = api.send("GET", "/records/Task/" + task, "rep.us", null);
        boolean anchorUnchanged = anchor.body().contains("\"version\":1") && !anchor.body().contains("assignee");
        System.out.printf("bad-input: %d cases tried, %d 5xx, %d not refused in the error shape, %d refused by the "
                + "HTTP server before the API (400), store %s%n", corpus.size(), serverErrors, failures.size(),
                serverRefused, before.equals(after) && anchorUnchanged ? "unchanged" : "CHANGED");
        assertTrue(corpus.size() >= 200, "corpus size " + corpus.size());
        assertEquals(List.of(), failures);
        assertEquals(before, after, "nothing was written");
        assertTrue(anchorUnchanged, anchor.body());
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsTolerated() throws Exception {
        // RFC 8259 lets a parser ignore a leading byte order mark; ours does.
        ApiClient api = new ApiClient(runtime, "/api/v1/records/*");
        assertEquals(201, api.send("POST", "/records/Task", "rep.us", "\uFEFF{\"subject\":\"bom\"}").statusCode());
    }

    @Test
    void contentThatLooksDangerousIsStoredAndReturnedExactly() throws Exception {
        ApiClient api = new ApiClient(runtime, "/api/v1/records/*");
        for (String text : List.of("'; DROP TABLE crm_record; --", "Robert'); DELETE FROM audit_entry; --",
                "<script>alert(1)</script>", "\" onmouseover=\"x", "${jndi:ldap://127.0.0.1/a}", "bell\u0007 tab\t",
                "emoji \uD83D\uDE00", "ＦＵＬＬ width", "back\\slash \"quote\"", "../../etc/passwd")) {
            JsonObject body = new JsonObject();
            body.addProperty("subject", text);
            HttpResponse<String> r = api.send("POST", "/records/Task", "rep.us", body.toString());
            assertEquals(201, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            String id = JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
            HttpResponse<String> read = api.send("GET", "/records/Task/" + id, "rep.us", null);
            assertEquals(text, JsonParser.parseString(read.body()).getAsJsonObject().get("subject").getAsString());
        }
    }

    private static boolean errorShaped(String body) {
        try {
            JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
            return error != null && error.has("code") && error.has("message") && error.has("rule") && error.has("requirement");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Integer> counts(ApiClient api) throws Exception {
        return Map.of("Task", count(api, "/records/Task", "rep.us"), "CallReport", count(api, "/records/CallReport", "msl.us"),
                "Account", count(api, "/records/Account", "rep.us"), "Meeting", count(api, "/records/Meeting", "rep.us"),
                "IncentivePlan", count(api, "/records/IncentivePlan", "salesdir.us"));
    }

    private static int count(ApiClient api, String path, String user) throws Exception {
        HttpResponse<String> r = api.send("GET", path, user, null);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("records").size();
    }
}
