package org.firewalldoors.compliance.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.firewalldoors.compliance.internal.oversight.Escalation;
import org.firewalldoors.compliance.internal.oversight.JdbcEscalations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Boundary concerns and escalations (O8, G7): any MEDICAL user files a concern;
 * only the region's compliance officer and head of medical affairs see and
 * resolve escalations. To anybody else they do not exist.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ ApiContext.BASE_PATH + "/concerns", ApiContext.BASE_PATH + "/escalations",
        ApiContext.BASE_PATH + "/escalations/*" })
public final class OversightServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient JsonBodies bodies;

    @Reference
    transient JdbcEscalations escalations;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        String[] path = Http.segments(req);
        if (!req.getServletPath().endsWith("/escalations")) {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
        if (path.length == 0) {
            if (!JdbcEscalations.mayHandle(p, p.region())) {
                throw ApiException.forbidden("only the compliance officer and the head of medical affairs see escalations (G7)");
            }
            Http.write(resp, 200, Map.of("escalations", escalations.list(p.region())));
        } else if (path.length == 1) {
            Http.write(resp, 200, visible(p, path[0]));
        } else {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        String[] path = Http.segments(req);
        if (req.getServletPath().endsWith("/concerns") && path.length == 0) {
            if (p.function() != BusinessFunction.MEDICAL) {
                throw ApiException.forbidden("boundary concerns are filed by Medical Affairs (O8)");
            }
            String description = Http.readStrings(bodies, req, Set.of("description"), Set.of()).get("description");
            Escalation e = escalations.open(p.region(), "CONCERN", "compliance.boundary-concern", "O8", p.id(),
                    description, null, null);
            Http.write(resp, 201, Map.of("id", e.id(), "status", e.status(), "createdAt", e.createdAt()));
        } else if (req.getServletPath().endsWith("/escalations") && path.length == 2 && "resolve".equals(path[1])) {
            visible(p, path[0]);
            String resolution = Http.readStrings(bodies, req, Set.of("resolution"), Set.of()).get("resolution");
            try {
                Http.write(resp, 200, escalations.resolve(path[0], resolution, p.id()));
            } catch (IllegalStateException e) {
                throw ApiException.conflict(e.getMessage());
            }
        } else {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
    }

    private Escalation visible(Principal p, String id) {
        return escalations.find(id).filter(e -> JdbcEscalations.mayHandle(p, e.region()))
                .orElseThrow(() -> ApiException.notFound("escalation " + id + " not found"));
    }
}
