package org.firewalldoors.compliance.internal.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
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
        JsonObject body = readObject(req);
        for (String key : body.keySet()) {
            if (!Set.of("modules", "policy").contains(key)) {
                throw ApiException.malformed("unknown field '" + key + "'");
            }
        }
        if (!(body.get("modules") instanceof JsonArray array)) {
            throw ApiException.malformed("'modules' must be a list of module names");
        }
        List<String> modules = new ArrayList<>();
        for (JsonElement e : array) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw ApiException.malformed("'modules' must be a list of module names");
            }
            modules.add(e.getAsString());
        }
        JsonElement policy = body.get("policy");
        if (policy == null || !policy.isJsonPrimitive() || !policy.getAsJsonPrimitive().isString()) {
            throw ApiException.malformed("'policy' must be the id of a policy, such as us");
        }
        try {
            Http.write(resp, 200, regions.configure(path[0], modules, policy.getAsString()));
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static JsonObject readObject(HttpServletRequest req) throws IOException {
        try (Reader r = req.getReader()) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ApiException.malformed("the body is not valid JSON");
        }
    }

    private static void requireAdmin(HttpServletRequest req) {
        if (Http.principal(req).function() != BusinessFunction.ADMIN) {
            throw ApiException.forbidden("region administration is for ADMIN users");
        }
    }
}
