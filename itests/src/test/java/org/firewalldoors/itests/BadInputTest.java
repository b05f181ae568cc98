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
 * A corpus of bad input against every endpoint of the API (records, hand-offs and their steps, KOL profiles and
 * the export, concerns, escalations, reviews, audit, admin, committee, session): bodies that are not JSON, of
 * another content type, with duplicate keys, invalid UTF-8, deep nesting or huge numbers, and queries with
 * extreme dates. Every case gets a 4xx in the error shape, never a 5xx, and the store is unchanged. Content that merely looks dangerous (SQL, script, control characters) is stored and
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

    /** Marks where a body of {@link #wellFormedButOneDefect()} gets its invalid UTF-8. */
    private static final String BAD = "%BAD%";

    /** A year whose committee schedule no other test creates. */
    private static final int COMMITTEE_YEAR = 2097;

    /** Content types other than JSON; the empty one stands for no Content-Type at all. */
    private static final List<String> WRONG_TYPES = List.of("", "text/plain", "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
            "application/json; charset=iso-8859-1", "application/jsonx", "application/merge-patch+json");

    /**
     * Per endpoint: method, path, user, a body the endpoint would accept were it not for the invalid UTF-8 put at
     * {@link #BAD} or a wrong content type, and one member of it to repeat as a duplicate key.
     */
    private static List<String[]> wellFormedButOneDefect() {
        String handoff = "{\"hcpId\": \"hcp-bad-input\", \"hcpContact\": {\"email\": \"dr@example.org\"},"
                + " \"category\": \"COMPARATIVE_SAFETY\", \"question\": \"Is it safe in CKD?" + BAD + "\","
                + " \"product\": \"Cardiozan\", \"preferredContact\": {\"channel\": \"PHONE\", \"window\": \"Tue\"},"
                + " \"unsolicited\": true}";
        String profile = KolApi.profile("hcp-bad-input", "").replace("St. Elsewhere", "St. Elsewhere" + BAD);
        return List.of(
                new String[] { "POST", "/records/Task", "rep.us", "{\"subject\":\"bad input" + BAD + "\"}", "\"subject\":\"x\"" },
                new String[] { "PUT", "/records/Task/%TASK%", "rep.us", "{\"subject\":\"changed" + BAD + "\"}", "\"subject\":\"x\"" },
                new String[] { "POST", "/records/Task/%TASK%/share", "rep.us", "{\"recipient\":\"rep2.us" + BAD + "\"}", "\"recipient\":\"rep2.us\"" },
                new String[] { "POST", "/records/Task/%TASK%/assign", "rep.us", "{\"assignee\":\"rep.us" + BAD + "\"}", "\"assignee\":\"rep.us\"" },
                new String[] { "POST", "/concerns", "msl.us", "{\"description\":\"a concern" + BAD + "\"}", "\"description\":\"x\"" },
                new String[] { "POST", "/escalations/%ESCALATION%/resolve", "compliance.us", "{\"resolution\":\"done" + BAD + "\"}", "\"resolution\":\"x\"" },
                new String[] { "POST", "/handoffs", "rep.us", handoff, "\"question\":\"Is it safe?\"" },
                new String[] { "POST", "/handoffs/%HANDOFF%/accept", "msl.us", "{\"priority\":\"HIGH" + BAD + "\"}", "\"priority\":\"LOW\"" },
                new String[] { "POST", "/handoffs/%HANDOFF%/decline", "msl.us", "{\"reason\":\"not ours" + BAD + "\"}", "\"reason\":\"x\"" },
                new String[] { "POST", "/kols", "msl.us", profile, "\"name\":\"Dr. Twice\"" },
                new String[] { "PUT", "/kols/%KOL%", "msl.us", profile, "\"name\":\"Dr. Twice\"" },
                new String[] { "POST", "/committee/schedule?year=" + COMMITTEE_YEAR, "medhead.us", "{\"x\":\"" + BAD + "\"}", "\"x\":1" },
                new String[] { "POST", "/session", null, "{\"user\":\"rep.us\",\"password\":\"demo" + BAD + "\"}", "\"user\":\"rep.us\"" },
                new String[] { "PUT", "/admin/regions/ZZ", "admin", "{\"modules\":[\"handoff\"],\"policy\":\"us" + BAD + "\"}", "\"policy\":\"us\"" });
    }

    /** Queries with dates out of any sensible range and numbers out of any type's range: "user path". */
    private static List<String> extremeQueries() {
        List<String> queries = new ArrayList<>();
        for (String date : List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                "%2B999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z", "99999999999999999999", "9999-99-99", "%2B999999999-12-31")) {
            queries.add("rep.us /kol-intelligence/export?since=" + date);
            queries.add("compliance.us /audit?since=" + date);
        }
        for (String cursor : List.of("1|+1000000000-12-31T23:59:59.999999999Z|x", "1|+999999999-12-31T23:59:59Z|x",
                "1|-999999999-01-01T00:00:00Z|", "1|+10000-01-01T00:00:00Z|a", "1|-1000000000-01-01T00:00:00Z|a",
                "1|99999999999999999999|a", "2|2026-01-01T00:00:00Z|a")) {
            queries.add("rep.us /kol-intelligence/export?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(utf8(cursor)));
        }
        queries.add("compliance.us /audit?limit=99999999999999999999");
        queries.add("compliance.us /audit?limit=1e999");
        queries.add("medhead.us /committee/schedule?year=99999999999999999999");
        queries.add("medhead.us /committee/schedule?year=-2027");
        queries.add("rep.us /handoffs?status=" + "X".repeat(5000));
        return queries;
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String[][] targets = {
            { "POST", "/records/Task", "rep.us" }, { "POST", "/records/CallReport", "msl.us" },
            { "PUT", "/records/Task/%TASK%", "rep.us" }, { "POST", "/concerns", "msl.us" },
            { "PUT", "/admin/regions/ZZ", "admin" }, { "POST", "/records/Task/%TASK%/share", "rep.us" },
            { "POST", "/records/Task/%TASK%/assign", "rep.us" }, { "POST", "/escalations/nope/resolve", "compliance.us" },
            { "POST", "/escalations/%ESCALATION%/resolve", "compliance.us" }, { "POST", "/reviews/nope/status", "compliance.us" }, { "POST", "/reviews/nope/label", "compliance.us" },
            { "POST", "/handoffs", "rep.us" }, { "POST", "/handoffs/%HANDOFF%/accept", "msl.us" },
            { "POST", "/handoffs/%HANDOFF%/decline", "msl.us" }, { "POST", "/handoffs/%HANDOFF%/schedule", "msl.us" },
            { "POST", "/handoffs/%HANDOFF%/complete", "msl.us" }, { "POST", "/handoffs/%HANDOFF%/interest", "msl.us" },
            { "POST", "/handoffs/%HANDOFF%/safety-forwarded", "msl.us" }, { "POST", "/kols", "msl.us" },
            { "PUT", "/kols/%KOL%", "msl.us" }, { "POST", "/committee/schedule?year=" + COMMITTEE_YEAR, "medhead.us" },
            { "POST", "/session", null } };
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
        for (String[] t : wellFormedButOneDefect()) {
            String valid = t[3];
            byte[] clean = utf8(valid.replace(BAD, ""));
            String dup = "{" + t[4] + "," + valid.substring(1).replace(BAD, "");
            cases.add(new Case("duplicate key " + t[0] + " " + t[1], t[0], t[1], t[2], utf8(dup), JSON));
            int at = valid.indexOf(BAD);
            byte[] head = utf8(valid.substring(0, at));
            byte[] tail = utf8(valid.substring(at + BAD.length()));
            for (byte[] bad : List.of(new byte[] { (byte) 0xC3, (byte) 0x28 }, new byte[] { (byte) 0xFF },
                    new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF })) {
                byte[] body = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(bad, 0, body, head.length, bad.length);
                System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
                cases.add(new Case("invalid UTF-8 " + t[0] + " " + t[1], t[0], t[1], t[2], body, JSON));
            }
            for (String type : WRONG_TYPES) {
                cases.add(new Case("content type '" + type + "' " + t[0] + " " + t[1], t[0], t[1], t[2], clean,
                        type.isEmpty() ? null : type));
            }
        }
        for (String type : WRONG_TYPES) {
            cases.add(new Case("DELETE record with a '" + type + "' body", "DELETE", "/records/Task/%TASK%", "rep.us",
                    utf8("{}"), type.isEmpty() ? null : type));
            cases.add(new Case("DELETE profile with a '" + type + "' body", "DELETE", "/kols/%KOL%", "msl.us",
                    utf8("{}"), type.isEmpty() ? null : type));
        }
        for (String q : extremeQueries()) {
            String[] parts = q.split(" ", 2);
            cases.add(new Case("query " + parts[1], "GET", parts[1], parts[0], null, null));
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
        String handoff = id(api.send("POST", "/handoffs", "rep.us", "{\"hcpId\": \"hcp-anchor\", \"hcpContact\": "
                + "{\"email\": \"dr@example.org\"}, \"category\": \"COMPARATIVE_SAFETY\", \"question\": "
                + "\"Is it safe in CKD?\", \"product\": \"Cardiozan\", \"preferredContact\": {\"channel\": \"PHONE\", \"window\": \"Tue\"}, "
                + "\"unsolicited\": true}"), 201);
        String kol = id(api.send("POST", "/kols", "msl.us", KolApi.profile("hcp-bad-input-anchor", "")), 201);
        String escalation = id(api.send("POST", "/concerns", "msl.us", "{\"description\":\"bad input anchor\"}"), 201);
        Map<String, Object> before = counts(api);

        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int serverRefused = 0;
        List<Case> corpus = corpus();
        for (Case c : corpus) {
            String path = c.path().replace("%TASK%", task).replace("%HANDOFF%", handoff).replace("%KOL%", kol)
                    .replace("%ESCALATION%", escalation);
            HttpResponse<String> r = api.sendBytes(c.method(), path, c.user(), c.body(), c.contentType());
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
        Map<String, Object> after = counts(api);
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

    /** What the store holds, as far as the corpus could change it: counts and the full state of the anchors. */
    private static Map<String, Object> counts(ApiClient api) throws Exception {
        Map<String, Object> state = new java.util.TreeMap<>();
        state.put("Task", count(api, "/records/Task", "rep.us", "records"));
        state.put("CallReport", count(api, "/records/CallReport", "msl.us", "records"));
        state.put("Account", count(api, "/records/Account", "rep.us", "records"));
        state.put("Meeting", count(api, "/records/Meeting", "rep.us", "records"));
        state.put("IncentivePlan", count(api, "/records/IncentivePlan", "salesdir.us", "records"));
        state.put("handoffs (rep)", read(api, "/handoffs", "rep.us"));
        state.put("handoffs (MSL)", read(api, "/handoffs", "msl.us"));
        state.put("kols", read(api, "/kols", "msl.us"));
        state.put("escalations", read(api, "/escalations", "compliance.us"));
        state.put("committee", read(api, "/committee/schedule?year=" + COMMITTEE_YEAR, "medhead.us"));
        state.put("regions", read(api, "/admin/regions", "admin"));
        return state;
    }

    private static int count(ApiClient api, String path, String user, String member) throws Exception {
        return JsonParser.parseString(read(api, path, user)).getAsJsonObject().getAsJsonArray(member).size();
    }

    private static String read(ApiClient api, String path, String user) throws Exception {
        HttpResponse<String> r = api.send("GET", path, user, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static String id(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
    }
}
