package org.firewalldoors.compliance.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.firewalldoors.compliance.internal.decide.ComplianceDecisionPoint;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry;
import org.firewalldoors.compliance.internal.oversight.ReviewItem;
import org.firewalldoors.compliance.internal.oversight.ReviewQueue;
import org.firewalldoors.compliance.internal.oversight.TrainingRows;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The audit trail (COMPLIANCE only), the review queue (the region's compliance
 * officer) and the active and refused policies.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({ ApiContext.BASE_PATH + "/audit", ApiContext.BASE_PATH + "/audit/*",
        ApiContext.BASE_PATH + "/reviews", ApiContext.BASE_PATH + "/reviews/*", ApiContext.BASE_PATH + "/policies" })
public final class ComplianceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient JsonBodies bodies;

    @Reference
    transient AuditTrail audit;
    @Reference
    transient ReviewQueue reviews;
    @Reference
    transient PolicyRegistry registry;
    @Reference
    transient ComplianceDecisionPoint decisionPoint;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        String resource = req.getServletPath().substring(ApiContext.BASE_PATH.length());
        String[] path = Http.segments(req);
        switch (resource) {
            case "/audit" -> {
                requireCompliance(p);
                if (path.length == 0) {
                    // A compliance officer sees the trail of their own region only, newest first, page by page.
                    int limit = limit(req);
                    List<AuditEntry> page = audit.newest(p.region(), since(req), before(req), limit);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("entries", page);
                    if (page.size() == limit) {
                        body.put("next", Long.toString(page.get(page.size() - 1).seq()));
                    }
                    Http.write(resp, 200, body);
                } else if (path.length == 1 && "verify".equals(path[0])) {
                    Http.write(resp, 200, audit.verify());
                } else {
                    throw ApiException.notFound("no resource at " + req.getRequestURI());
                }
            }
            case "/reviews" -> {
                requireOfficer(p);
                String status = req.getParameter("status");
                if (status != null && !Set.of(ReviewItem.OPEN, ReviewItem.IN_REVIEW, ReviewItem.CLOSED).contains(status)) {
                    throw ApiException.malformed("status must be OPEN, IN_REVIEW or CLOSED");
                }
                if (path.length == 0) {
                    Http.write(resp, 200, Map.of("reviews", reviews.list(p.region(), status)));
                } else if (path.length == 1 && "training-rows".equals(path[0])) {
                    // Reviewers' labels as corpus rows (issue 15), one JSON object a line.
                    resp.setStatus(200);
                    resp.setContentType("application/jsonl");
                    resp.setCharacterEncoding("UTF-8");
                    resp.getWriter().write(TrainingRows.jsonl(reviews.labelled(p.region())));
                } else if (path.length != 1) {
                    throw ApiException.notFound("no resource at " + req.getRequestURI());
                } else {
                    Http.write(resp, 200, visibleReview(p, path[0]));
                }
            }
            case "/policies" -> Http.write(resp, 200, policies());
            default -> throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        String[] path = Http.segments(req);
        if (!req.getServletPath().endsWith("/reviews") || path.length != 2
                || !"status".equals(path[1]) && !"label".equals(path[1])) {
            throw ApiException.notFound("no resource at " + req.getRequestURI());
        }
        requireOfficer(p);
        visibleReview(p, path[0]);
        if ("label".equals(path[1])) {
            // What the flagged text was, for the next training of the classifier (issue 15).
            String label = Http.readStrings(bodies, req, Set.of("label"), Set.of()).get("label");
            if (!ReviewItem.COMMERCIAL.equals(label) && !ReviewItem.CLINICAL.equals(label)) {
                throw ApiException.malformed("label must be commercial or clinical");
            }
            Http.write(resp, 200, reviews.label(path[0], label));
            return;
        }
        Map<String, String> body = Http.readStrings(bodies, req, Set.of("status"), Set.of("comment"));
        String status = body.get("status");
        if (!ReviewItem.IN_REVIEW.equals(status) && !ReviewItem.CLOSED.equals(status)) {
            throw ApiException.malformed("status must be IN_REVIEW or CLOSED");
        }
        try {
            Http.write(resp, 200, reviews.setStatus(path[0], status, body.get("comment")));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private Map<String, Object> policies() {
        Map<String, Object> body = new LinkedHashMap<>();
        decisionPoint.regions().forEach(r -> decisionPoint.activePolicy(r.code()).ifPresent(info -> body.put(r.code(),
                Map.of("id", info.id(), "version", info.version(), "rules", info.rules(), "source", info.source()))));
        for (CompiledPolicy policy : registry.policies()) {
            body.putIfAbsent(policy.region(), decisionPoint.activePolicy(policy.region())
                    .map(info -> (Object) Map.of("id", info.id(), "version", info.version(), "rules", info.rules(),
                            "source", info.source()))
                    .orElse(null));
        }
        body.values().removeIf(v -> v == null);
        Map<String, Object> unclassified = new java.util.TreeMap<>();
        registry.policies().forEach(policy -> unclassified.put(policy.id(), registry.unclassified(policy)));
        body.put("unclassified", unclassified);
        body.put("refused", registry.refused());
        body.put("superseded", registry.superseded());
        return body;
    }

    private ReviewItem visibleReview(Principal p, String id) {
        return reviews.find(id).filter(r -> r.region().equals(p.region()))
                .orElseThrow(() -> ApiException.notFound("review item " + id + " not found"));
    }

    private static void requireCompliance(Principal p) {
        if (p.function() != BusinessFunction.COMPLIANCE) {
            throw ApiException.forbidden("the audit trail is for compliance only");
        }
    }

    private static void requireOfficer(Principal p) {
        if (p.function() != BusinessFunction.COMPLIANCE || !"COMPLIANCE_OFFICER".equals(p.role())) {
            throw ApiException.forbidden("the review queue is for the region's compliance officer");
        }
    }

    /** The range of {@code since}: years 1 to 9999, which the store and ISO-8601 (four-digit years) hold. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static Instant since(HttpServletRequest req) {
        String s = req.getParameter("since");
        Instant since;
        try {
            since = s == null || s.isBlank() ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.malformed("since must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        if (since != null && (since.isBefore(FIRST) || since.isAfter(LAST))) {
            throw ApiException.malformed("since must be a time between the years 1 and 9999");
        }
        return since;
    }

    /** @return the sequence number the page starts below ({@code before}, the {@code next} of the previous page) */
    private static long before(HttpServletRequest req) {
        String s = req.getParameter("before");
        try {
            long before = s == null || s.isBlank() ? 0 : Long.parseLong(s);
            if (before < 1 && s != null && !s.isBlank()) {
                throw ApiException.malformed("before must be the 'next' of a previous page");
            }
            return before;
        } catch (NumberFormatException e) {
            throw ApiException.malformed("before must be the 'next' of a previous page");
        }
    }

    private static int limit(HttpServletRequest req) {
        String s = req.getParameter("limit");
        try {
            int limit = s == null ? 100 : Integer.parseInt(s);
            if (limit < 1 || limit > 1000) {
                throw ApiException.malformed("limit must be between 1 and 1000");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.malformed("limit must be a number");
        }
    }

}
