package org.firewalldoors.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the web pages under {@code /app/} in the host's servlet context, which authenticates the session
 * cookie and leaves the principal on the request (or none). The sign-in page and the static files (CSS,
 * JavaScript modules) hold no data and are public; a role page needs a signed-in principal whose function
 * may use it: without one it redirects to the sign-in page, for the wrong role it answers 403 with a page
 * that holds nothing but the refusal. Pages are static; their data comes from the HTTP API, called by the
 * page's script as the signed-in user, so a page can show and do only what the API allows that user.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ PagesServlet.ROOT, PagesServlet.ROOT + "/*" })
public final class PagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ROOT = "/app";
    static final String SIGN_IN = ROOT + "/signin";

    private static final Pattern STATIC = Pattern.compile("static/[a-z][a-z0-9-]*\\.(css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "html", "text/html; charset=utf-8");

    /** No inline script or style, nothing from elsewhere, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        Principal principal = req.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p ? p : null;
        if (path.isEmpty()) {
            List<Pages> mine = principal == null ? List.of() : Pages.of(principal);
            if (principal == null) {
                resp.sendRedirect(SIGN_IN);
            } else if (mine.isEmpty()) {
                page(resp, 403, "/web/forbidden.html");
            } else {
                resp.sendRedirect(ROOT + "/" + mine.get(0).path());
            }
            return;
        }
        if ("signin".equals(path)) {
            page(resp, 200, "/web/signin.html");
            return;
        }
        if (STATIC.matcher(path).matches()) {
            file(resp, "/web/" + path);
            return;
        }
        Optional<Pages> page = Pages.byPath(path);
        if (page.isEmpty()) {
            page(resp, 404, "/web/notfound.html");
        } else if (principal == null) {
            resp.sendRedirect(SIGN_IN);
        } else if (!page.get().allows(principal)) {
            page(resp, 403, "/web/forbidden.html");
        } else {
            page(resp, 200, page.get().resource());
        }
    }

    private void page(HttpServletResponse resp, int status, String resource) throws IOException {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setStatus(status);
        copy(resp, resource);
    }

    private void file(HttpServletResponse resp, String resource) throws IOException {
        if (getClass().getResource(resource) == null) {
            page(resp, 404, "/web/notfound.html");
            return;
        }
        resp.setStatus(200);
        copy(resp, resource);
    }

    private void copy(HttpServletResponse resp, String resource) throws IOException {
        URL url = getClass().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the web bundle lacks " + resource);
        }
        resp.setContentType(TYPES.get(resource.substring(resource.lastIndexOf('.') + 1)));
        try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
