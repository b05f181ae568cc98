package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.firewalldoors.itests.Fixtures.TestInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The HTTP API of the reference host, called over a real socket. */
class HttpApiTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ApiClient api;

    @BeforeEach
    void findTheApi() {
        api = new ApiClient(runtime, "/api/v1/records/*");
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return api.send(method, path, user, body);
    }

    @Test
    void healthAnswersWithoutCredentials() throws Exception {
        HttpResponse<String> r = send("GET", "/health", null, null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"status\":\"UP\""), r.body());
    }

    @Test
    void everythingElseNeedsCredentials() throws Exception {
        for (String path : new String[] { "/me", "/records/Task", "/no-such-thing" }) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.body().contains("\"code\":\"UNAUTHENTICATED\""), r.body());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(api.base + "/me")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("rep.us:nope".getBytes(StandardCharsets.UTF_8))).build();
        assertEquals(401, api.raw(wrong).statusCode());
    }

    @Test
    void meAnswersTheCallersPrincipal() throws Exception {
        HttpResponse<String> r = send("GET", "/me", "rep.us", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"id\":\"rep.us\""), r.body());
        assertTrue(r.body().contains("\"function\":\"COMMERCIAL\""), r.body());
        assertTrue(r.body().contains("\"region\":\"US\""), r.body());
    }

    @Test
    void aCallReportPostedByAnMslCanBeReadBack() throws Exception {
        try (TestInterceptor allow = TestInterceptor.allowAll(context)) {
            HttpResponse<String> created = send("POST", "/records/CallReport", "msl.us",
                    "{\"accountId\":\"acc-1\",\"hcpId\":\"hcp-1\",\"date\":\"2026-11-20\",\"channel\":\"VISIT\","
                            + "\"notes\":\"Discussed the phase 3 endpoints\"}");
            assertEquals(201, created.statusCode(), created.body());
            String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> read = send("GET", "/records/CallReport/" + id, "msl.us", null);
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("Discussed the phase 3 endpoints"), read.body());
            assertEquals(404, send("GET", "/records/CallReport/not-an-id", "msl.us", null).statusCode());
        }
    }

    @Test
    void badInputGetsTheErrorShape() throws Exception {
        try (TestInterceptor allow = TestInterceptor.allowAll(context)) {
            HttpResponse<String> notJson = send("POST", "/records/Task", "rep.us", "{not json");
            assertEquals(400, notJson.statusCode());
            assertTrue(notJson.body().contains("\"code\":\"MALFORMED\""), notJson.body());
            HttpResponse<String> wrongType = send("POST", "/records/Task", "rep.us", "{\"subject\": 42}");
            assertEquals(400, wrongType.statusCode(), wrongType.body());
            HttpResponse<String> tooLarge = send("POST", "/records/Task", "rep.us",
                    "{\"subject\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(413, tooLarge.statusCode());
            assertTrue(tooLarge.body().contains("\"code\":\"TOO_LARGE\""), tooLarge.body());
            HttpResponse<String> unknown = send("GET", "/no-such-thing", "rep.us", null);
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("\"code\":\"NOT_FOUND\""), unknown.body());
        }
    }

    @Test
    void guardedRecordsAreRefusedWhenNoInterceptorIsActive() throws Exception {
        Fixtures.withoutCompliance(context, () -> {
            HttpResponse<String> r = send("POST", "/records/CallReport", "msl.us", "{\"notes\":\"x\"}");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("\"code\":\"POLICY_UNAVAILABLE\""), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        });
    }
}
