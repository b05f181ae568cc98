package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.firewalldoors.itests.Fixtures.TestInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The HTTP API of the reference host, called over a real socket. */
class HttpApiTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @BeforeEach
    void findTheApi() {
        ServiceReference<HttpServiceRuntime> ref = runtime.getServiceReference();
        Object endpoint = ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        String url = endpoint instanceof String[] a ? a[0]
                : endpoint instanceof Collection<?> c ? String.valueOf(c.iterator().next()) : String.valueOf(endpoint);
        base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/v1";
        // The whiteboard registers servlets as their services appear; wait until ours are in the runtime.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!apiRegistered()) {
            assertTrue(System.nanoTime() < deadline, "API servlets never appeared in the HTTP runtime");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private boolean apiRegistered() {
        for (ServletContextDTO ctx : runtime.getService().getRuntimeDTO().servletContextDTOs) {
            if ("org.firewalldoors.api".equals(ctx.name) && Arrays.stream(ctx.servletDTOs)
                    .anyMatch(s -> Arrays.asList(s.patterns).contains("/api/v1/records/*"))) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(base + "/me")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("rep.us:nope".getBytes(StandardCharsets.UTF_8))).build();
        assertEquals(401, client.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode());
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
        HttpResponse<String> r = send("POST", "/records/CallReport", "msl.us", "{\"notes\":\"x\"}");
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("\"code\":\"POLICY_UNAVAILABLE\""), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
}
