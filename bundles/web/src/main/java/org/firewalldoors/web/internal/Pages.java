package org.firewalldoors.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Principal;

/**
 * The role pages and who may open them. The API decides what each caller may do and see; this only keeps
 * a page away from people who have no use for it (and could fetch nothing on it anyway).
 */
enum Pages {

    /** The scientific-inquiry form and "my inquiries": representatives. */
    REP("rep", "Scientific inquiries", p -> p.function() == BusinessFunction.COMMERCIAL && "REP".equals(p.role())),
    /** The region's queue and inbox, step 5, KOL profiles: medical affairs. */
    MSL("msl", "Medical queue and KOL profiles", p -> p.function() == BusinessFunction.MEDICAL),
    /** Escalations, reviews, audit trail, policies: compliance officers and heads of medical affairs. */
    COMPLIANCE("compliance", "Oversight", p -> "COMPLIANCE_OFFICER".equals(p.role())
            || "MEDICAL_HEAD".equals(p.role())),
    /** Regions, module switches and policy choice: administrators. */
    ADMIN("admin", "Administration", p -> p.function() == BusinessFunction.ADMIN);

    private final String path;
    private final String title;
    private final Predicate<Principal> allowed;

    Pages(String path, String title, Predicate<Principal> allowed) {
        this.path = path;
        this.title = title;
        this.allowed = allowed;
    }

    /** @return the path segment under /app/ */
    String path() {
        return path;
    }

    String title() {
        return title;
    }

    /** @return the resource in this bundle that holds the page */
    String resource() {
        return "/web/" + path + ".html";
    }

    boolean allows(Principal p) {
        return p != null && allowed.test(p);
    }

    static Optional<Pages> byPath(String path) {
        for (Pages page : values()) {
            if (page.path.equals(path)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }

    /** @return the pages this principal may open, main page first */
    static List<Pages> of(Principal p) {
        List<Pages> all = java.util.Arrays.stream(values()).filter(page -> page.allows(p)).toList();
        if ("MEDICAL_HEAD".equals(p.role())) {
            return all.stream().sorted((a, b) -> a == COMPLIANCE ? -1 : b == COMPLIANCE ? 1 : 0).toList();
        }
        return all;
    }
}
