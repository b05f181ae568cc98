package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * Slow request bodies do not take the server down: while 250 connections trickle their bodies a byte at a
 * time, {@code /health} answers at once, and the server closes every slow connection within the body timeout
 * of the host configuration (10 s by default) instead of waiting for the rest forever.
 */
class SlowBodyTest {

    private static final int CONNECTIONS = 250;
    private static final long BODY_TIMEOUT_MS = 10_000;

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    @Test
    void slowBodiesNeitherStarveHealthNorStayOpen() throws Exception {
        ApiClient api = new ApiClient(runtime, "/api/v1/session");
        URI base = URI.create(api.base);
        List<Slow> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                // Half within the body limit (read by the resource), half over it (refused, then drained).
                slow.add(new Slow(base, i % 2 == 0 ? 60_000 : 100_000));
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<Long> latencies = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < 20; i++) {
                trickle(slow);
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(api.base + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failed++;
                    }
                } catch (IOException e) {
                    failed++;
                }
                latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(150));
            }
            long worst = latencies.stream().mapToLong(Long::longValue).max().orElse(0);
            long deadline = opened + TimeUnit.MILLISECONDS.toNanos(BODY_TIMEOUT_MS + 5_000);
            while (slow.stream().anyMatch(s -> !s.closed) && System.nanoTime() < deadline) {
                trickle(slow);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
            long open = slow.stream().filter(s -> !s.closed).count();
            System.out.printf("slow bodies (in Felix): %d slow connections, health worst %d ms, %d of 20 failed, "
                    + "%d still open after %d s%n", CONNECTIONS, worst, failed, open, (BODY_TIMEOUT_MS + 5_000) / 1000);
            assertEquals(0, failed, "health requests failed: " + latencies);
            assertTrue(worst < 1000, "health latencies " + latencies);
            assertEquals(0, open, "slow connections the server did not close");
        } finally {
            for (Slow s : slow) {
                s.socket.close();
            }
        }
    }

    /** Sends one more byte on every open slow connection, and notes those the server has closed. */
    private static void trickle(List<Slow> slow) {
        for (Slow s : slow) {
            s.poll();
        }
    }

    /** A connection that sends a POST's headers and then its body one byte at a time. */
    private static final class Slow {
        final Socket socket = new Socket();
        boolean closed;
        private long lastByte = System.nanoTime();

        Slow(URI base, int length) throws IOException {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
            socket.setSoTimeout(1);
            socket.getOutputStream().write(("POST /api/v1/session HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        }

        void poll() {
            if (closed) {
                return;
            }
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                try {
                    while (true) {
                        if (in.read(buffer) < 0) {
                            closed = true;
                            return;
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // nothing more to read for now
                }
                if (System.nanoTime() - lastByte > TimeUnit.SECONDS.toNanos(2)) {
                    socket.getOutputStream().write(' ');
                    lastByte = System.nanoTime();
                }
            } catch (IOException e) {
                closed = true;
            }
        }
    }
}
