package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Browser sessions over a real socket: sign-in for a cookie, CSRF on state changes, sign-out; Basic unchanged. */
class SessionTest {

    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ApiClient api;

    @BeforeEach
    void findTheApi() {
        api = new ApiClient(runtime, "/api/v1/session");
    }

    private HttpResponse<String> send(String method, String path, String cookie, String csrf, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return api.raw(b.build());
    }

    /** Signs in; returns the cookie pair to send back and the CSRF token. */
    private String[] signIn(String user) throws Exception {
        HttpResponse<String> r = send("POST", "/session", null, null,
                "{\"user\": \"" + user + "\", \"password\": \"demo\"}");
        assertEquals(201, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("FWD_SESSION="), setCookie);
        for (String attribute : new String[] {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"}) {
            assertTrue(setCookie.contains(attribute), setCookie + " lacks " + attribute);
        }
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(user, body.get("id").getAsString());
        assertFalse(body.has("password"));
        return new String[] {setCookie.split(";", 2)[0], body.get("csrfToken").getAsString()};
    }

    @Test
    void theCookieAuthenticatesAndTheSessionShowsItsToken() throws Exception {
        String[] s = signIn("msl.us");
        HttpResponse<String> me = send("GET", "/me", s[0], null, null);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"id\":\"msl.us\""), me.body());
        HttpResponse<String> session = send("GET", "/session", s[0], null, null);
        assertTrue(session.body().contains("\"csrfToken\":\"" + s[1] + "\""), session.body());
    }

    @Test
    void aStateChangeByCookieWithoutTheTokenIsRefusedAndStoresNothing() throws Exception {
        String[] s = signIn("msl.us");
        String report = "{\"hcpId\": \"csrf-check\", \"notes\": \"session\"}";
        for (String token : new String[] {null, "forged"}) {
            HttpResponse<String> r = send("POST", "/records/CallReport", s[0], token, report);
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"FORBIDDEN\"") && r.body().contains("X-CSRF-Token"), r.body());
        }
        HttpResponse<String> none = send("GET", "/records/CallReport?hcpId=csrf-check", s[0], null, null);
        assertTrue(none.body().contains("\"records\":[]"), none.body());
        HttpResponse<String> ok = send("POST", "/records/CallReport", s[0], s[1], report);
        assertEquals(201, ok.statusCode(), ok.body());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        String[] s = signIn("rep.us");
        assertEquals(403, send("DELETE", "/session", s[0], null, null).statusCode(), "sign-out needs the token too");
        HttpResponse<String> out = send("DELETE", "/session", s[0], s[1], null);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        HttpResponse<String> after = send("GET", "/me", s[0], null, null);
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").isEmpty(), "no Basic dialog for a browser");
    }

    @Test
    void wrongCredentialsAndBadBodiesGetNoCookie() throws Exception {
        HttpResponse<String> wrong = send("POST", "/session", null, null,
                "{\"user\": \"rep.us\", \"password\": \"nope\"}");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        for (String body : new String[] {"{\"user\": \"rep.us\"}", "{\"user\": \"rep.us\", \"password\": \"demo\", "
                + "\"role\": \"ADMIN\"}", "not json", "{\"user\": 1, \"password\": \"demo\"}"}) {
            HttpResponse<String> r = send("POST", "/session", null, null, body);
            assertEquals(400, r.statusCode(), body);
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        }
    }

    @Test
    void repeatedWrongPasswordsDelayTheNextSignInOnEveryPathThenAWaitLetsTheRightOneIn() throws Exception {
        String user = "legal.eu";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, send("POST", "/session", null, null,
                    "{\"user\": \"" + user + "\", \"password\": \"guess" + i + "\"}").statusCode());
        }
        HttpResponse<String> delayed = send("POST", "/session", null, null,
                "{\"user\": \"" + user + "\", \"password\": \"demo\"}");
        assertEquals(429, delayed.statusCode(), delayed.body());
        assertTrue(delayed.body().contains("\"TOO_MANY_ATTEMPTS\""), delayed.body());
        assertTrue(delayed.headers().firstValue("Set-Cookie").isEmpty());
        long wait = Long.parseLong(delayed.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 2, "Retry-After " + wait);
        // The same pair through HTTP Basic is delayed too, even with the right password.
        assertEquals(429, api.send("GET", "/me", user, null).statusCode());
        Thread.sleep(wait * 1000 + 100);
        HttpResponse<String> in = send("POST", "/session", null, null,
                "{\"user\": \"" + user + "\", \"password\": \"demo\"}");
        assertEquals(201, in.statusCode(), in.body());
        assertEquals(200, api.send("GET", "/me", user, null).statusCode());
    }

    @Test
    void basicAuthStillWorksWithoutAToken() throws Exception {
        HttpResponse<String> r = api.send("POST", "/records/CallReport", "msl.us",
                "{\"hcpId\": \"basic-check\", \"notes\": \"script\"}");
        assertEquals(201, r.statusCode(), r.body());
    }
}
