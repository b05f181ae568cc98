package org.firewalldoors.host.internal.http;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.api.http.ApiException;

/**
 * Receives request bodies whole before any resource sees them, within three bounds: the size limit (413), a
 * deadline for the whole body (408), and how many bodies are received at once (503). A client that trickles
 * its body a byte at a time thus holds one of a few permits for a few seconds, never every thread of the
 * server; a single read that waits longer is ended by the HTTP server's idle timeout.
 */
final class RequestBodies {

    /** At most this much of an oversized body is read and discarded, so that its sender sees the 413. */
    private static final long DRAIN_LIMIT = 4L << 20;

    private final int limit;
    private final long timeoutNanos;
    private final Semaphore permits;

    RequestBodies(int limit, int timeoutSeconds, int concurrent) {
        this.limit = limit;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, timeoutSeconds));
        this.permits = new Semaphore(Math.max(1, concurrent));
    }

    int limit() {
        return limit;
    }

    /**
     * @return the whole body
     * @throws ApiException 413 over the limit, 408 past the deadline, 503 while too many bodies are in flight
     * @throws IOException when the connection fails (including the HTTP server's idle timeout)
     */
    byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            drain(request);
            throw tooLarge();
        }
        if (!permits.tryAcquire()) {
            throw new ApiException(503, "BUSY", "the server is receiving too many request bodies; try again");
        }
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            ServletInputStream in = request.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    drainHolding(in, deadline);
                    throw tooLarge();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut();
                }
            }
            return body.toByteArray();
        } finally {
            permits.release();
        }
    }

    /** Reads and discards what is left of an oversized body (bounded in size and time), if a permit is free. */
    private void drain(HttpServletRequest request) {
        if (!permits.tryAcquire()) {
            return; // the connection is closed after the response instead
        }
        try {
            drainHolding(request.getInputStream(), System.nanoTime() + timeoutNanos);
        } catch (IOException | IllegalStateException e) {
            // the connection is closed after the response instead
        } finally {
            permits.release();
        }
    }

    private static void drainHolding(ServletInputStream in, long deadline) {
        try {
            byte[] buffer = new byte[8192];
            long left = DRAIN_LIMIT;
            int n;
            while (left > 0 && System.nanoTime() - deadline < 0
                    && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the connection is closed after the response instead
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "TOO_LARGE", "the body is over the limit of " + limit + " bytes");
    }

    private ApiException timedOut() {
        return new ApiException(408, "TIMEOUT", "the body did not arrive within "
                + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
    }
}
