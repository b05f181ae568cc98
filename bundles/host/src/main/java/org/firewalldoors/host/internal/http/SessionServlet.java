package org.firewalldoors.host.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Browser sign-in: {@code POST /session} {@code {"user","password"}} exchanges credentials for a session
 * cookie (HttpOnly, SameSite=Strict, Path=/, Max-Age) and answers with the principal and the session's
 * CSRF token; {@code GET /session} shows them again (for a page that was reloaded); {@code DELETE /session}
 * signs out.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiServletContext.SESSION)
public final class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("user", "password");

    @Reference
    transient UserDirectory users;

    @Reference
    transient Sessions sessions;

    @Reference
    transient SignInThrottle throttle;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> body = Json.readObject(req);
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.malformed("unknown field: " + key + " (expected user and password)");
            }
        }
        if (!(body.get("user") instanceof String user) || user.isBlank()
                || !(body.get("password") instanceof String password)) {
            throw ApiException.malformed("user and password are required strings");
        }
        char[] secret = password.toCharArray();
        Optional<Principal> principal;
        try {
            principal = throttle.attempt(user, req.getRemoteAddr(), () -> users.authenticate(user, secret));
        } catch (SignInThrottle.Delayed delayed) {
            ErrorResponses.delayed(resp, delayed);
            return;
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (principal.isEmpty()) {
            ErrorResponses.unauthenticated(resp, false);
            return;
        }
        sessions.close(ApiServletContext.sessionCookie(req));
        Sessions.Session session = sessions.open(principal.get());
        resp.addHeader("Set-Cookie", cookie(session.id, sessions.lifetime().toSeconds(), req.isSecure()));
        Json.write(resp, 201, view(session.principal, session.csrfToken, session.started.plus(sessions.lifetime())));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Requests.principal(req);
        if (req.getAttribute(ApiServletContext.SESSION_ATTRIBUTE) instanceof Sessions.Session s) {
            Json.write(resp, 200, view(p, s.csrfToken, s.started.plus(sessions.lifetime())));
        } else {
            Json.write(resp, 200, view(p, null, null));
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        Requests.principal(req);
        if (req.getAttribute(ApiServletContext.SESSION_ATTRIBUTE) instanceof Sessions.Session s) {
            sessions.close(s.id);
        }
        resp.addHeader("Set-Cookie", cookie("", 0, req.isSecure()));
        resp.setStatus(204);
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return Sessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    private static Map<String, Object> view(Principal p, String csrfToken, Object expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("function", p.function().name());
        body.put("role", p.role());
        body.put("region", p.region());
        body.put("csrfToken", csrfToken);
        body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        return body;
    }
}
