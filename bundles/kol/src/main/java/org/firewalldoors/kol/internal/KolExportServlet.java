package org.firewalldoors.kol.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.kol.KolExportFormat;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolIntelligence;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /kol-intelligence/export?region=&since=&cursor=}: the KOL
 * intelligence export (K1), streamed to the response as JSON Lines, or as CSV
 * when the client accepts {@code text/csv}. A refusal before the first line is
 * an error in the API's shape; a failure after it cuts the stream short
 * without a trailer, which is how a consumer knows the export is incomplete.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiContext.BASE_PATH + "/kol-intelligence/export")
public final class KolExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> PARAMETERS = Set.of("region", "since", "cursor");

    @Reference
    transient KolIntelligence kol;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        for (String name : req.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.malformed("unknown parameter '" + name + "'; the export takes region, since and cursor");
            }
        }
        String accept = req.getHeader("Accept");
        KolExportFormat format = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")
                ? KolExportFormat.CSV : KolExportFormat.NDJSON;
        String region = req.getParameter("region");
        KolExportRequest request = new KolExportRequest(region == null ? null : KolExporter.region(region),
                since(req.getParameter("since")), blankToNull(req.getParameter("cursor")), format);
        resp.setStatus(200);
        resp.setContentType(format.mediaType());
        kol.export(Http.caller(req), request, resp.getOutputStream());
    }

    /** An ISO-8601 instant ({@code 2026-11-20T10:00:00Z}, an offset allowed) or a date (midnight UTC). */
    static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant since;
        try {
            since = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.malformed("'since' must be an ISO-8601 time such as 2026-11-20T10:00:00Z");
        }
        if (!ExportCursors.inRange(since)) {
            throw ApiException.malformed("'since' must be a time between the years 1 and 9999");
        }
        return since;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
