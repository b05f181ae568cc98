package org.firewalldoors.kol.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.JsonBodies;
import org.firewalldoors.api.kol.KolIntelligence;
import org.firewalldoors.api.kol.KolProfileRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * KOL profiles over HTTP: {@code POST /kols}, {@code GET /kols} (the caller's region, as the caller may
 * see each), {@code GET|PUT|DELETE /kols/{id}}.
 * Each is one call of the KOL service as the authenticated caller; refusals are
 * mapped to the error shape by the host (K2: Commercial gets 403 FIREWALL_DENIED
 * naming the rule).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ ApiContext.BASE_PATH + "/kols", ApiContext.BASE_PATH + "/kols/*" })
public final class KolServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    @Reference
    transient KolIntelligence kol;

    @Reference
    transient JsonBodies bodies;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Http.segments(req).length != 0) {
            throw Http.notFound(req);
        }
        ProfileJson.Body body = read(req, false);
        KolProfileRecord created = kol.create(Http.caller(req), body.profile());
        resp.setHeader("Location", req.getRequestURI() + "/" + created.id());
        Http.write(resp, 201, ProfileJson.write(created));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = id(req);
        ProfileJson.Body body = read(req, true);
        Http.write(resp, 200, ProfileJson.write(kol.update(Http.caller(req), id, body.profile(), body.version())));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Http.segments(req).length == 0) {
            Http.write(resp, 200, kol.list(Http.caller(req)).stream().map(ProfileJson::write).toList());
            return;
        }
        String id = id(req);
        KolProfileRecord r = kol.read(Http.caller(req), id)
                .orElseThrow(() -> RecordNotFoundException.record(KolIntelligence.RECORD_TYPE, id));
        Http.write(resp, 200, ProfileJson.write(r));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        kol.delete(Http.caller(req), id(req));
        resp.setStatus(204);
    }

    /**
     * The host's strict reader checks the body as JSON (duplicate keys, invalid UTF-8, nesting, numbers) like
     * anywhere in the API; {@link ProfileJson} then checks it as a profile.
     */
    private ProfileJson.Body read(HttpServletRequest req, boolean update) throws IOException {
        Map<String, Object> body;
        try (Reader reader = req.getReader()) {
            body = bodies.readObject(reader);
        }
        return ProfileJson.read(new StringReader(JSON.toJson(body)), update);
    }

    private static String id(HttpServletRequest req) {
        String[] path = Http.segments(req);
        if (path.length != 1 || path[0].isBlank()) {
            throw Http.notFound(req);
        }
        return path[0];
    }
}
