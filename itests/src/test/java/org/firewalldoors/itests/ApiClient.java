package org.firewalldoors.itests;

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
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.test.common.service.ServiceAware;

/** Calls the API of the framework under test over a real socket, as the demo users (password demo). */
final class ApiClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    /** Finds the API's address and waits until the servlet with {@code pattern} is in the HTTP runtime. */
    ApiClient(ServiceAware<HttpServiceRuntime> runtime, String pattern) {
        ServiceReference<HttpServiceRuntime> ref = runtime.getServiceReference();
        Object endpoint = ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        String url = endpoint instanceof String[] a ? a[0]
                : endpoint instanceof Collection<?> c ? String.valueOf(c.iterator().next()) : String.valueOf(endpoint);
        base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/v1";
        // The whiteboard registers servlets as their services appear; wait until ours is in the runtime.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!registered(runtime.getService(), pattern)) {
            assertTrue(System.nanoTime() < deadline, pattern + " never appeared in the HTTP runtime");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean registered(HttpServiceRuntime runtime, String pattern) {
        for (ServletContextDTO ctx : runtime.getRuntimeDTO().servletContextDTOs) {
            if ("org.firewalldoors.api".equals(ctx.name)
                    && Arrays.stream(ctx.servletDTOs).anyMatch(s -> Arrays.asList(s.patterns).contains(pattern))) {
                return true;
            }
        }
        return false;
    }

    HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
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

    /** Sends raw bytes with the given content type (null: none), as the given demo user. */
    HttpResponse<String> sendBytes(String method, String path, String user, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> raw(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
