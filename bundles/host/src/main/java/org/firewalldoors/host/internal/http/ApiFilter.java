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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
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
 * In front of every resource of the API context: refuses state changes from other origins (CSRF, see
 * {@link CrossOrigin}) and bodies that are not JSON (415), receives request bodies whole within the bounds of
 * {@link RequestBodies}, and maps every failure of every resource to the error shape of the API.
 */
@Component(service = jakarta.servlet.Filter.class, configurationPid = HostConfiguration.PID)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardFilterPattern("/*")
public final class ApiFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient volatile RequestBodies bodies = new RequestBodies(65536, 10, 32);

    @Activate
    @Modified
    void configure(HostConfiguration config) {
        bodies = new RequestBodies(config.maxBodyBytes(), config.bodyTimeoutSeconds(), config.concurrentBodies());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            HttpServletRequest received = request;
            if (changesState(request.getMethod())) {
                CrossOrigin.refuseForeign(request);
                if (hasBody(request)) {
                    if (!isJson(request.getContentType())) {
                        throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE",
                                "the body must be JSON: send Content-Type: application/json");
                    }
                    received = new Received(request, bodies.read(request));
                }
            } else if (request.getContentLengthLong() > bodies.limit()) {
                throw new ApiException(413, "TOO_LARGE", "the body is over the limit of " + bodies.limit() + " bytes");
            }
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(received, response);
        } catch (ServletException e) {
            ErrorResponses.write(response, e.getRootCause() != null ? e.getRootCause() : e);
        } catch (CharacterCodingException e) {
            ErrorResponses.write(response, ApiException.malformed("the body is not valid UTF-8"));
        } catch (RuntimeException e) {
            ErrorResponses.write(response, e);
        }
    }

    /** Every method but the safe ones changes state (and PATCH, or any method we do not know, is not safe). */
    static boolean changesState(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method));
    }

    private static boolean hasBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > 0 || length < 0 && request.getHeader("Transfer-Encoding") != null;
    }

    /** {@code application/json}, with at most a UTF-8 charset parameter: JSON is UTF-8 (RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
            if (!parameter[0].trim().equalsIgnoreCase("charset") || !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** A request whose body has been received whole: resources read it from memory. */
    private static final class Received extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;

        Received(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                stream = new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) {
                        return in.read(buf, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("the body has been read already");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            // Invalid UTF-8 is an error (a 400), not silently replaced.
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }
    }
}
