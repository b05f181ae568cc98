package org.firewalldoors.host.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Notification;
import org.firewalldoors.api.host.Notifications;
import org.firewalldoors.api.http.ApiContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /inbox}: the caller's own notifications, newest first; nobody reads another's inbox (H3). */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern(ApiContext.BASE_PATH + "/inbox")
public final class InboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Notifications notifications;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Map<String, Object>> items = notifications.inbox(Requests.principal(req).id()).stream()
                .map(InboxServlet::json).toList();
        Json.write(resp, 200, Map.of("notifications", items));
    }

    private static Map<String, Object> json(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("topic", n.topic());
        m.put("message", n.message());
        m.put("data", n.data());
        m.put("createdAt", n.createdAt().toString());
        return m;
    }
}
