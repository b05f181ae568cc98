package org.firewalldoors.host.internal.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.http.ApiContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The servlet context of the API: authentication in one place for every resource of every bundle.
 * Scripts send HTTP Basic credentials, checked against the user directory on every request. Browsers
 * sign in once ({@code POST /session}) and send the session cookie; a state-changing request
 * authenticated by the cookie must repeat the session's CSRF token in the {@code X-CSRF-Token} header.
 * Only the health resource and the sign-in itself answer without credentials. Under {@link #PAGES} (the
 * web pages) a request passes with the principal set when the caller is signed in and without it
 * otherwise: the page servlet decides (sign-in page, redirect or 403).
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = ApiContext.NAME, path = "/")
public final class ApiServletContext extends ServletContextHelper {

    static final String HEALTH = ApiContext.BASE_PATH + "/health";

    /** Sign-in ({@code POST}), the current session ({@code GET}) and sign-out ({@code DELETE}). */
    static final String SESSION = ApiContext.BASE_PATH + "/session";

    /** The web pages, whose servlet checks the principal itself. */
    static final String PAGES = "/app";

    /** The request attribute holding the {@link Sessions.Session} of a cookie-authenticated request. */
    static final String SESSION_ATTRIBUTE = "org.firewalldoors.host.session";

    @Reference
    UserDirectory users;

    @Reference
    Sessions sessions;

    @Reference
    SignInThrottle throttle;

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (HEALTH.equals(path) || (SESSION.equals(path) && "POST".equals(request.getMethod()))) {
            return true;
        }
        String header = request.getHeader("Authorization");
        Optional<Principal> principal;
        String type;
        if (header != null) {
            try {
                principal = authenticate(header, request.getRemoteAddr());
            } catch (SignInThrottle.Delayed delayed) {
                ErrorResponses.delayed(response, delayed);
                return false;
            }
            type = HttpServletRequest.BASIC_AUTH;
        } else {
            Optional<Sessions.Session> session = sessions.find(sessionCookie(request));
            if (session.isPresent() && !safe(request.getMethod())
                    && !session.get().csrfMatches(request.getHeader(Sessions.CSRF_HEADER))) {
                ErrorResponses.write(response, 403, "FORBIDDEN", "a request signed in by the session cookie that "
                        + "changes state must carry the session's CSRF token in the " + Sessions.CSRF_HEADER
                        + " header", null, null);
                return false;
            }
            session.ifPresent(s -> request.setAttribute(SESSION_ATTRIBUTE, s));
            principal = session.map(s -> s.principal);
            type = HttpServletRequest.FORM_AUTH;
        }
        boolean page = path.equals(PAGES) || path.startsWith(PAGES + "/");
        if (principal.isEmpty() && !page) {
            // A browser page (cookie or script request) gets no Basic challenge, so that it shows no login dialog.
            boolean challenge = sessionCookie(request) == null && request.getHeader("X-Requested-With") == null;
            ErrorResponses.unauthenticated(response, challenge);
            return false;
        }
        if (principal.isPresent()) {
            request.setAttribute(ApiContext.PRINCIPAL, principal.get());
            request.setAttribute(REMOTE_USER, principal.get().id());
            request.setAttribute(AUTHENTICATION_TYPE, type);
        }
        return true;
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** @return the value of the session cookie, or null */
    static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (Sessions.COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * @return the principal of valid Basic credentials, empty otherwise
     * @throws SignInThrottle.Delayed while sign-in for this user from this address is delayed
     */
    Optional<Principal> authenticate(String header, String address) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        char[] all = new char[chars.remaining()];
        chars.get(all);
        try {
            int colon = indexOf(all, ':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String user = new String(all, 0, colon);
            char[] password = Arrays.copyOfRange(all, colon + 1, all.length);
            try {
                return throttle.attempt(user, address, () -> users.authenticate(user, password));
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(all, '\0');
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
