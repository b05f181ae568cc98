package org.firewalldoors.compliance.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.firewalldoors.compliance.internal.admin.RegionAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /admin/regions}: regions, their modules and policies, for ADMIN users only. */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ ApiContext.BASE_PATH + "/admin/regions", ApiContext.BASE_PATH + "/admin/regions/*" })
public final class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient RegionAdmin regions;
    @Reference
    transient JsonBodies bodies;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        requireAdmin(req);
        String[] path = Http.segments(req);
        Map<String, Object> all = regions.asJson();
        if (path.length == 0) {
            Http.write(resp, 200, all);
        } else if (path.length == 1 && all.containsKey(path[0].toUpperCase(java.util.Locale.ROOT))) {
            Http.write(resp, 200, all.get(path[0].toUpperCase(java.util.Locale.ROOT)));
        } else {
            throw ApiException.notFound("no region " + String.join("/", path));
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        requireAdmin(req);
        String[] path = Http.segments(req);
        if (path.length != 1) {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
        Map<String, Object> body = bodies.readObject(req.getReader());
        for (String key : body.keySet()) {
            if (!Set.of("modules", "policy").contains(key)) {
                throw ApiException.malformed("unknown field '" + key + "'");
            }
        }
        if (!(body.get("modules") instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw ApiException.malformed("'modules' must be a list of module names");
        }
        List<String> modules = list.stream().map(String.class::cast).toList();
        if (!(body.get("policy") instanceof String policy)) {
            throw ApiException.malformed("'policy' must be the id of a policy, such as us");
        }
        try {
            Http.write(resp, 200, regions.configure(Http.principal(req).id(), path[0], modules, policy));
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static void requireAdmin(HttpServletRequest req) {
        if (Http.principal(req).function() != BusinessFunction.ADMIN) {
            throw ApiException.forbidden("region administration is for ADMIN users");
        }
    }
}
