package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * CSRF with Basic: a page of another origin (even of the same site) may make a browser that cached Basic
 * credentials post to the API. A state change whose {@code Origin} or {@code Sec-Fetch-Site} says it comes
 * from elsewhere is refused with 403, and a body that is not {@code application/json} with 415, before any
 * resource runs; clients that send neither header (curl, Java) are not affected.
 */
class CrossOriginTest {

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ApiClient api;
    private String self;

    @BeforeEach
    void setUp() {
        api = new ApiClient(runtime, "/api/v1/records/*");
        URI base = URI.create(api.base);
        self = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("rep.us:demo".getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return api.raw(b.build());
    }

    private static void refused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
        assertEquals(code, error.get("code").getAsString(), r.body());
        assertTrue(error.has("rule") && error.has("requirement"), r.body());
    }

    private int tasks() throws Exception {
        HttpResponse<String> r = api.send("GET", "/records/Task", "rep.us", null);
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("records").size();
    }

    private static final String TASK = "{\"subject\":\"cross-origin check\"}";

    @Test
    void aStateChangeFromAnotherOriginIsRefusedAndStoresNothing() throws Exception {
        int before = tasks();
        String[][] foreign = { { "Origin", "http://evil.example" }, { "Origin", "https://127.0.0.1.evil.example" },
            { "Origin", self.replace("http:", "https:") }, { "Origin", self + "1" }, { "Origin", "null" },
            { "Sec-Fetch-Site", "cross-site" }, { "Sec-Fetch-Site", "same-site" },
            { "Sec-Fetch-Site", "same-site", "Origin", self } };
        for (String[] headers : foreign) {
            refused(403, "FORBIDDEN", send("POST", "/records/Task", TASK, "application/json", headers));
        }
        assertEquals(before, tasks(), "nothing was stored");

        String id = JsonParser.parseString(api.send("POST", "/records/Task", "rep.us", TASK).body()).getAsJsonObject()
                .get("id").getAsString();
        refused(403, "FORBIDDEN", send("DELETE", "/records/Task/" + id, null, null, "Origin", "http://evil.example"));
        refused(403, "FORBIDDEN", send("PUT", "/records/Task/" + id, "{\"subject\":\"changed\"}", "application/json",
                "Sec-Fetch-Site", "cross-site"));
        refused(403, "FORBIDDEN", send("POST", "/session", "{\"user\":\"rep.us\",\"password\":\"demo\"}",
                "application/json", "Origin", "http://evil.example"));
        HttpResponse<String> kept = api.send("GET", "/records/Task/" + id, "rep.us", null);
        assertEquals(200, kept.statusCode(), "the record is still there");
        assertTrue(kept.body().contains("\"version\":1"), kept.body());
        // Reading is no state change: the browser keeps the answer from the other origin (no CORS headers).
        assertEquals(200, send("GET", "/records/Task/" + id, null, null, "Origin", "http://evil.example").statusCode());
    }

    @Test
    void aStateChangeWithABodyThatIsNotJsonIsUnsupported() throws Exception {
        int before = tasks();
        for (String type : new String[] { null, "text/plain", "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
            "application/merge-patch+json" }) {
            refused(415, "UNSUPPORTED_MEDIA_TYPE", send("POST", "/records/Task", TASK, type));
        }
        assertEquals(before, tasks(), "nothing was stored");
    }

    @Test
    void sameOriginPagesAndClientsWithoutBrowserHeadersStillWork() throws Exception {
        assertEquals(201, send("POST", "/records/Task", TASK, "application/json").statusCode());
        assertEquals(201, send("POST", "/records/Task", TASK, "application/json; charset=utf-8").statusCode());
        assertEquals(201, send("POST", "/records/Task", TASK, "Application/JSON;charset=\"UTF-8\"").statusCode());
        assertEquals(201, send("POST", "/records/Task", TASK, "application/json", "Origin", self, "Sec-Fetch-Site",
                "same-origin").statusCode());
        assertEquals(201, send("POST", "/records/Task", TASK, "application/json", "Sec-Fetch-Site", "none").statusCode());
        String id = JsonParser.parseString(send("POST", "/records/Task", TASK, "application/json").body())
                .getAsJsonObject().get("id").getAsString();
        assertEquals(204, send("DELETE", "/records/Task/" + id, null, null, "Origin", self).statusCode());
    }
}
