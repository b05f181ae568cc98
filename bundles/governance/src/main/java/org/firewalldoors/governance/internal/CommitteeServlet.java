package org.firewalldoors.governance.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The interface committee's resources (G3): {@code POST /committee/schedule?year=} creates the year's meetings,
 * {@code GET /committee/schedule?year=} lists them, {@code GET /committee/missed} lists the meetings that were due
 * without approved minutes. Refusals are thrown and mapped to the error shape by the host.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiContext.BASE_PATH + "/committee/*")
public final class CommitteeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    @Reference
    transient Committee committee;

    @Reference
    transient JsonBodies bodies;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = caller(req);
        switch (resource(req)) {
            case "/schedule" -> write(resp, 200, schedule(year(req), committee.meetings(caller, year(req))));
            case "/missed" -> write(resp, 200, Map.of("missed", committee.missed(caller)));
            default -> throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/schedule".equals(resource(req))) {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
        int year = year(req);
        noBody(req);
        try {
            write(resp, 201, schedule(year, committee.schedule(caller(req), year)));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    /** The schedule takes its year from the query: a body, if any, must be an empty JSON object ({@code {}}). */
    private void noBody(HttpServletRequest req) throws IOException {
        StringWriter text = new StringWriter();
        try (Reader reader = req.getReader()) {
            reader.transferTo(text);
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("the body is not valid UTF-8");
        }
        // No body at all is fine; a body declared as JSON must be JSON, and "" is not (RFC 8259).
        if ((!text.getBuffer().isEmpty() || req.getContentType() != null)
                && !bodies.readObject(new StringReader(text.toString())).isEmpty()) {
            throw ApiException.malformed("the schedule takes no body: the year goes in the query (?year=)");
        }
    }

    private static Map<String, Object> schedule(int year, List<CrmRecord> meetings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("meetings", meetings.stream().map(MissedMeetings::summary).toList());
        return body;
    }

    private static String resource(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null ? "" : info;
    }

    private static int year(HttpServletRequest req) {
        String y = req.getParameter("year");
        if (y == null || !y.matches("\\d{4}")) {
            throw ApiException.malformed("year must be a year such as 2027");
        }
        int year = Integer.parseInt(y);
        if (year < 2000 || year > 2100) {
            throw ApiException.malformed("year must be between 2000 and 2100");
        }
        return year;
    }

    private static Caller caller(HttpServletRequest req) {
        if (req.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p) {
            return new Caller(p, Channel.HTTP);
        }
        throw new ApiException(401, "UNAUTHENTICATED", "valid credentials are required");
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.getWriter().write(GSON.toJson(body));
    }
}
