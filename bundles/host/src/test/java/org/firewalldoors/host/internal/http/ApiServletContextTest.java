package org.firewalldoors.host.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.http.ApiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServletContextTest {

    private static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", null);
    private static final Map<String, String> PASSWORDS = Map.of("msl.us", "demo", "legal.us", "pass:with:colons");

    private static final String ADDRESS = "10.0.0.9";

    private final ApiServletContext context = new ApiServletContext();
    /** The password arrays the directory was handed, as handed (the array objects themselves). */
    private final List<char[]> handedPasswords = new ArrayList<>();

    @BeforeEach
    void setUp() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.authenticate(anyString(), any())).thenAnswer(inv -> {
            String id = inv.getArgument(0);
            char[] password = inv.getArgument(1);
            handedPasswords.add(password);
            String expected = PASSWORDS.get(id);
            if (expected == null || !Arrays.equals(expected.toCharArray(), password)) {
                return Optional.empty();
            }
            return Optional.of(id.equals(MSL.id()) ? MSL
                    : new Principal(id, BusinessFunction.LEGAL, "LEGAL", "US", null));
        });
        context.users = users;
        context.sessions = sessions;
        context.throttle = new SignInThrottle(TestDatabases.h2(), java.time.Clock.systemUTC());
    }

    private final Sessions sessions = new Sessions(TestDatabases.h2(), java.time.Clock.systemUTC());

    /** A request for {@code path} with the given method, session cookie (or none) and CSRF header (or none). */
    private static HttpServletRequest request(String method, String path, String cookie, String csrf) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getMethod()).thenReturn(method);
        when(r.getContextPath()).thenReturn("");
        when(r.getRequestURI()).thenReturn(path);
        when(r.getCookies()).thenReturn(cookie == null ? null : new Cookie[] {new Cookie(Sessions.COOKIE, cookie)});
        when(r.getHeader(Sessions.CSRF_HEADER)).thenReturn(csrf);
        return r;
    }

    private static HttpServletResponse response() throws IOException {
        HttpServletResponse r = mock(HttpServletResponse.class);
        when(r.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        return r;
    }

    @Test
    void theSessionCookieAuthenticatesReads() throws IOException {
        Sessions.Session s = sessions.open(MSL);
        HttpServletRequest req = request("GET", "/api/v1/handoffs", s.id, null);
        assertTrue(context.handleSecurity(req, response()));
        verify(req).setAttribute(ApiContext.PRINCIPAL, MSL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void aStateChangeByCookieNeedsTheCsrfToken(String method) throws IOException {
        Sessions.Session s = sessions.open(MSL);
        HttpServletResponse missing = response();
        assertFalse(context.handleSecurity(request(method, "/api/v1/handoffs/x/accept", s.id, null), missing));
        verify(missing).setStatus(403);
        HttpServletResponse wrong = response();
        assertFalse(context.handleSecurity(request(method, "/api/v1/handoffs/x/accept", s.id, "forged"), wrong));
        verify(wrong).setStatus(403);
        assertTrue(context.handleSecurity(request(method, "/api/v1/handoffs/x/accept", s.id, s.csrfToken),
                response()));
    }

    @Test
    void basicAuthNeedsNoCsrfToken() throws IOException {
        HttpServletRequest req = request("POST", "/api/v1/handoffs", null, null);
        when(req.getHeader("Authorization")).thenReturn(basic("msl.us:demo"));
        assertTrue(context.handleSecurity(req, response()));
    }

    @Test
    void repeatedWrongBasicPasswordsAreDelayedWith429AndRetryAfter() throws IOException {
        for (int i = 0; i < 5; i++) {
            HttpServletRequest req = request("GET", "/api/v1/me", null, null);
            when(req.getHeader("Authorization")).thenReturn(basic("msl.us:guess" + i));
            when(req.getRemoteAddr()).thenReturn("10.1.1.1");
            HttpServletResponse resp = response();
            assertFalse(context.handleSecurity(req, resp));
            verify(resp).setStatus(401);
        }
        HttpServletRequest right = request("GET", "/api/v1/me", null, null);
        when(right.getHeader("Authorization")).thenReturn(basic("msl.us:demo"));
        when(right.getRemoteAddr()).thenReturn("10.1.1.1");
        HttpServletResponse delayed = response();
        int checked = handedPasswords.size();
        assertFalse(context.handleSecurity(right, delayed));
        verify(delayed).setStatus(429);
        verify(delayed).setHeader("Retry-After", "1");
        assertEquals(checked, handedPasswords.size(), "no password is checked while delayed");

        HttpServletRequest elsewhere = request("GET", "/api/v1/me", null, null);
        when(elsewhere.getHeader("Authorization")).thenReturn(basic("msl.us:demo"));
        when(elsewhere.getRemoteAddr()).thenReturn("10.1.1.2");
        assertTrue(context.handleSecurity(elsewhere, response()));
    }

    @Test
    void anUnknownCookieIsUnauthenticatedWithoutABasicChallenge() throws IOException {
        HttpServletResponse resp = response();
        assertFalse(context.handleSecurity(request("GET", "/api/v1/me", "stale", null), resp));
        verify(resp).setStatus(401);
        verify(resp, never()).setHeader(eq("WWW-Authenticate"), anyString());
    }

    @Test
    void pagesPassWithoutAPrincipalAndTheSignInNeedsNoCredentials() throws IOException {
        HttpServletRequest page = request("GET", "/app/rep", null, null);
        assertTrue(context.handleSecurity(page, response()));
        verify(page, never()).setAttribute(eq(ApiContext.PRINCIPAL), any());
        assertTrue(context.handleSecurity(request("POST", "/api/v1/session", null, null), response()));
        HttpServletResponse resp = response();
        assertFalse(context.handleSecurity(request("GET", "/api/v1/session", null, null), resp));
        verify(resp).setStatus(401);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBasicHeaderGivesThePrincipal() {
        assertEquals(Optional.of(MSL), context.authenticate(basic("msl.us:demo"), ADDRESS));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals(Optional.of(MSL), context.authenticate(basic("msl.us:demo").replace("Basic", "basic"), ADDRESS));
    }

    @Test
    void thePasswordIsEverythingAfterTheFirstColon() {
        Optional<Principal> p = context.authenticate(basic("legal.us:pass:with:colons"), ADDRESS);
        assertEquals("legal.us", p.orElseThrow().id());
    }

    @Test
    void aWrongPasswordGivesNoPrincipal() {
        assertEquals(Optional.empty(), context.authenticate(basic("msl.us:Demo"), ADDRESS));
    }

    @Test
    void thePasswordHandedToTheDirectoryIsWipedAfterwards() {
        context.authenticate(basic("msl.us:demo"), ADDRESS);

        assertEquals(1, handedPasswords.size());
        assertArrayEquals(new char[4], handedPasswords.get(0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Bearer bXNsLnVzOmRlbW8=",
        "Digest username=\"msl.us\"",
        "bXNsLnVzOmRlbW8=",
        "Basic",
        "Basic not base64!",
        "Basic bXNsLnVzOmRlbW8=%%"
    })
    void aHeaderThatIsNotValidBasicGivesNoPrincipal(String header) {
        assertEquals(Optional.empty(), context.authenticate(header, ADDRESS));
        verify(context.users, never()).authenticate(anyString(), any());
    }

    @Test
    void credentialsWithoutAColonOrWithoutAUserGiveNoPrincipal() {
        assertEquals(Optional.empty(), context.authenticate(basic("msl.usdemo"), ADDRESS));
        assertEquals(Optional.empty(), context.authenticate(basic(":demo"), ADDRESS));
        verify(context.users, never()).authenticate(anyString(), any());
    }
}
