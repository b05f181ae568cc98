package org.firewalldoors.api.handoff;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scientific inquiry as one caller may see it. A rep sees their own
 * submissions with status only (plus the step-5 summary and the safety flag);
 * Medical Affairs sees the whole inquiry (H5).
 *
 * @param id          the inquiry id
 * @param status      where it stands
 * @param submittedAt when the rep logged it (day 0 of a safety forward, X1)
 * @param details     everything else the caller may see, as JSON-shaped values in the order of the API;
 *                    unmodifiable
 */
public record Inquiry(String id, InquiryStatus status, Instant submittedAt, Map<String, Object> details) {

    /** Validates and copies the values. */
    public Inquiry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** @return a detail, or {@code null} when absent or not visible to the caller */
    public Object detail(String name) {
        return details.get(name);
    }
}
