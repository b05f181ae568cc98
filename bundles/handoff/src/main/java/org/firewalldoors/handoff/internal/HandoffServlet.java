package org.firewalldoors.handoff.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.firewalldoors.api.handoff.Inquiry;
import org.firewalldoors.api.handoff.InquiryStateException;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /handoffs}: the hand-off over HTTP. It only turns JSON into calls of
 * the {@link ScientificInquiries} service and back, so that HTTP and Java
 * callers meet the same rules (X7).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ HandoffServlet.PATH, HandoffServlet.PATH + "/*" })
public final class HandoffServlet extends HttpServlet {

    static final String PATH = ApiContext.BASE_PATH + "/handoffs";
    private static final long serialVersionUID = 1L;

    @Reference
    transient ScientificInquiries inquiries;

    @Reference
    transient JsonBodies bodies;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = caller(req);
        String[] path = segments(req);
        if (path.length == 0) {
            InquiryStatus status = status(req.getParameter("status"));
            HandoffJson.write(resp, 200, Map.of("handoffs",
                    inquiries.list(caller, status).stream().map(HandoffJson::inquiry).toList()));
        } else if (path.length == 1) {
            HandoffJson.write(resp, 200, HandoffJson.inquiry(inquiries.get(caller, path[0])));
        } else {
            throw notFound(req);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = caller(req);
        String[] path = segments(req);
        if (path.length == 0) {
            Inquiry created = inquiries.submit(caller, HandoffJson.read(bodies, req, false));
            resp.setHeader("Location", req.getRequestURI() + "/" + created.id());
            HandoffJson.write(resp, 201, HandoffJson.inquiry(created));
            return;
        }
        if (path.length != 2) {
            throw notFound(req);
        }
        String id = path[0];
        Map<String, Object> body = HandoffJson.read(bodies, req, true);
        Inquiry result = switch (path[1]) {
            case "accept" -> step(() -> {
                Map<String, String> b = HandoffJson.strings(body, Set.of(), Set.of("priority", "dueDate"));
                return inquiries.accept(caller, id, b.get("priority"), HandoffJson.date(b.get("dueDate"), "dueDate"));
            });
            case "decline" -> step(() -> inquiries.decline(caller, id,
                    HandoffJson.strings(body, Set.of("reason"), Set.of()).get("reason")));
            case "schedule" -> step(() -> inquiries.schedule(caller, id,
                    HandoffJson.instant(HandoffJson.strings(body, Set.of("at"), Set.of()).get("at"), "at")));
            case "complete" -> step(() -> {
                Map<String, String> b = HandoffJson.strings(body, Set.of("notes"), Set.of("followUpDate"));
                return inquiries.complete(caller, id, b.get("notes"),
                        HandoffJson.date(b.get("followUpDate"), "followUpDate"));
            });
            case "interest" -> step(() -> inquiries.shareInterest(caller, id,
                    HandoffJson.strings(body, Set.of("summary"), Set.of()).get("summary")));
            case "safety-forwarded" -> step(() -> {
                HandoffJson.strings(body, Set.of(), Set.of());
                return inquiries.safetyForwarded(caller, id);
            });
            default -> throw notFound(req);
        };
        HandoffJson.write(resp, "interest".equals(path[1]) ? 201 : 200, HandoffJson.inquiry(result));
    }

    /** Runs a step; a step that does not fit the inquiry's status is a 409. */
    private static Inquiry step(Supplier<Inquiry> step) {
        try {
            return step.get();
        } catch (InquiryStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static InquiryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InquiryStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed("status must be one of " + java.util.Arrays.toString(InquiryStatus.values()));
        }
    }

    private static Caller caller(HttpServletRequest req) {
        if (req.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p) {
            return new Caller(p, Channel.HTTP);
        }
        throw new ApiException(401, "UNAUTHENTICATED", "valid credentials are required");
    }

    private static String[] segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/", -1);
    }

    private static ApiException notFound(HttpServletRequest req) {
        return ApiException.notFound("no resource at " + req.getRequestURI());
    }
}
