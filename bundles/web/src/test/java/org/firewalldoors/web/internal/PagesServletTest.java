package org.firewalldoors.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagesServletTest {

    private static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
    private static final Principal SALES_DIRECTOR =
            new Principal("salesdir.us", BusinessFunction.COMMERCIAL, "SALES_DIRECTOR", "US", null);
    private static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", null);
    private static final Principal MEDICAL_HEAD =
            new Principal("medhead.us", BusinessFunction.MEDICAL, "MEDICAL_HEAD", "US", null);
    private static final Principal OFFICER =
            new Principal("compliance.us", BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER", "US", null);
    private static final Principal ADMIN = new Principal("admin", BusinessFunction.ADMIN, "ADMIN", "GLOBAL", null);

    private final PagesServlet servlet = new PagesServlet();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private HttpServletResponse get(String pathInfo, Principal principal) throws IOException {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getPathInfo()).thenReturn(pathInfo);
        when(req.getAttribute(ApiContext.PRINCIPAL)).thenReturn(principal);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        servlet.doGet(req, resp);
        return resp;
    }

    private String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({ "/rep", "/msl", "/compliance", "/admin", "''" })
    void withoutASessionEveryRolePageSendsToTheSignInPage(String path) throws IOException {
        HttpServletResponse resp = get(path.isEmpty() ? null : path, null);
        verify(resp).sendRedirect("/app/signin");
        assertEquals("", body());
    }

    @Test
    void theSignInPageAndStaticFilesArePublic() throws IOException {
        HttpServletResponse page = get("/signin", null);
        verify(page).setStatus(200);
        assertTrue(body().contains("id=\"signin-form\""));
        body.reset();
        HttpServletResponse script = get("/static/common.js", null);
        verify(script).setContentType("text/javascript; charset=utf-8");
        assertTrue(body().contains("export async function api"));
    }

    @ParameterizedTest
    @CsvSource({ "/static/../rep.html", "/static/nothing.js", "/static/common.js/x", "/rep.html", "/unknown" })
    void nothingElseIsServed(String path) throws IOException {
        HttpServletResponse resp = get(path, ADMIN);
        verify(resp).setStatus(404);
        assertFalse(body().contains("<script type=\"module\" src=\"/app/static/admin.js\">"));
    }

    @Test
    void aRolePageOpensForItsRoleWithAStrictContentSecurityPolicy() throws IOException {
        HttpServletResponse resp = get("/rep", REP);
        verify(resp).setStatus(200);
        verify(resp).setHeader("Content-Security-Policy", PagesServlet.CSP);
        assertTrue(body().contains("id=\"inquiry-form\""));
    }

    @ParameterizedTest
    @CsvSource({ "/msl", "/compliance", "/admin" })
    void aCommercialUserGetsA403ThatHoldsOnlyTheRefusal(String path) throws IOException {
        for (Principal p : List.of(REP, SALES_DIRECTOR)) {
            body.reset();
            HttpServletResponse resp = get(path, p);
            verify(resp).setStatus(403);
            verify(resp, never()).setStatus(200);
            assertTrue(body().contains("Not allowed"));
            assertFalse(body().contains(path.substring(1) + ".js"), "no page script");
        }
    }

    @Test
    void whoMayOpenWhat() {
        assertEquals(List.of(Pages.REP), Pages.of(REP));
        assertEquals(List.of(), Pages.of(SALES_DIRECTOR));
        assertEquals(List.of(Pages.MSL), Pages.of(MSL));
        assertEquals(List.of(Pages.COMPLIANCE, Pages.MSL), Pages.of(MEDICAL_HEAD), "oversight first");
        assertEquals(List.of(Pages.COMPLIANCE), Pages.of(OFFICER));
        assertEquals(List.of(Pages.ADMIN), Pages.of(ADMIN));
    }

    @Test
    void theRootSendsEachUserToTheirMainPage() throws IOException {
        verify(get("/", MEDICAL_HEAD)).sendRedirect("/app/compliance");
        verify(get(null, MSL)).sendRedirect("/app/msl");
        verify(get("/", SALES_DIRECTOR)).setStatus(403);
    }
}
