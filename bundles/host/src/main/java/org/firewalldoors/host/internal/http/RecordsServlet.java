package org.firewalldoors.host.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The generic record resources: {@code /records/{type}} and
 * {@code /records/{type}/{id}}, plus {@code /share} and {@code /assign} on a
 * record. Each one is one call of the record store, so each passes through the
 * interceptors.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiContext.BASE_PATH + "/records/*")
public final class RecordsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient RecordStore records;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.segments(req);
        Caller caller = Requests.caller(req);
        if (path.length == 1) {
            Map<String, Object> criteria = new LinkedHashMap<>();
            req.getParameterMap().forEach((k, v) -> criteria.put(k, v[0]));
            Json.write(resp, 200, Map.of("records",
                    records.query(caller, path[0], criteria).stream().map(Json::record).toList()));
        } else if (path.length == 2) {
            CrmRecord r = records.read(caller, path[0], path[1])
                    .orElseThrow(() -> RecordNotFoundException.record(path[0], path[1]));
            Json.write(resp, 200, Json.record(r));
        } else {
            throw notFound(req);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.segments(req);
        Caller caller = Requests.caller(req);
        if (path.length == 1) {
            CrmRecord r = records.create(caller, path[0], Json.readObject(req));
            resp.setHeader("Location", req.getRequestURI() + "/" + r.id());
            Json.write(resp, 201, Json.record(r));
        } else if (path.length == 3 && "share".equals(path[2])) {
            records.share(caller, path[0], path[1], requiredString(Json.readObject(req), "recipient"));
            resp.setStatus(204);
        } else if (path.length == 3 && "assign".equals(path[2])) {
            Json.write(resp, 200, Json.record(
                    records.assign(caller, path[0], path[1], requiredString(Json.readObject(req), "assignee"))));
        } else {
            throw notFound(req);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.segments(req);
        if (path.length != 2) {
            throw notFound(req);
        }
        Map<String, Object> changes = Json.readObject(req);
        Object version = changes.remove("version");
        if (version != null && !(version instanceof Long)) {
            throw ApiException.malformed("'version' must be an integer");
        }
        Json.write(resp, 200, Json.record(records.update(Requests.caller(req), path[0], path[1], changes,
                version == null ? 0 : (Long) version)));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        String[] path = Requests.segments(req);
        if (path.length != 2) {
            throw notFound(req);
        }
        records.delete(Requests.caller(req), path[0], path[1]);
        resp.setStatus(204);
    }

    private static String requiredString(Map<String, Object> body, String name) {
        if (!(body.get(name) instanceof String s) || s.isBlank() || body.size() != 1) {
            throw ApiException.malformed("the body must be {\"" + name + "\": \"<user id>\"} and nothing else");
        }
        return s;
    }

    private static ApiException notFound(HttpServletRequest req) {
        return ApiException.notFound("no resource at " + req.getRequestURI());
    }
}
