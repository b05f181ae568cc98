package org.firewalldoors.host.internal.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.host.internal.HostConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Applies the request size limit and maps every failure of every resource to
 * the error shape of the API, for all servlets of the API context.
 */
@Component(service = jakarta.servlet.Filter.class, configurationPid = HostConfiguration.PID)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardFilterPattern("/*")
public final class ApiFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private volatile int maxBodyBytes = 65536;

    @Activate
    @Modified
    void configure(HostConfiguration config) {
        maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            int limit = maxBodyBytes;
            if (request.getContentLengthLong() > limit) {
                throw tooLarge(limit);
            }
            String type = request.getContentType();
            if (type != null && !type.isBlank() && !isJson(type)
                    && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
                throw ApiException.malformed("the body must be JSON: send Content-Type: application/json");
            }
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException e) {
            ErrorResponses.write(response, e.getRootCause() != null ? e.getRootCause() : e);
        } catch (ApiException e) {
            if (e.status() == 413) {
                drain(request);
            }
            ErrorResponses.write(response, e);
        } catch (RuntimeException e) {
            ErrorResponses.write(response, e);
        }
    }

    /**
     * Reads and discards what is left of an oversized body (up to a bound), so that the client, which may
     * still be sending, gets the 413 instead of a reset connection.
     */
    private static void drain(HttpServletRequest request) {
        try {
            var in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long left = DRAIN_LIMIT;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is closed after the response instead
        }
    }

    private static final long DRAIN_LIMIT = 4L << 20;

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, "TOO_LARGE", "the body is over the limit of " + limit + " bytes");
    }

    /** A request whose body fails with 413 past the limit, however it is sent. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final int limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > limit) {
                            throw tooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            // Invalid UTF-8 is an error (a 400), not silently replaced.
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }
    }
}
