package org.firewalldoors.compliance.internal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the fields of a medical education event that the event history indexes (X8). */
public final class EventFields {

    private EventFields() {
    }

    /**
     * @param value a list of HCP ids, or of objects with an {@code hcpId}
     * @return the HCP ids, each once, in order
     */
    public static Set<String> hcpIds(Object value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value instanceof Iterable<?> list) {
            for (Object v : list) {
                Object id = v instanceof Map<?, ?> m ? m.get("hcpId") : v;
                if (id instanceof String s && !s.isBlank()) {
                    ids.add(s.trim());
                }
            }
        }
        return ids;
    }

    /**
     * @param fields   the event's fields
     * @param fallback when it starts if it does not say (or says it unreadably)
     * @return when the event starts: {@code startsAt} as an instant, or a date at midnight UTC
     */
    public static Instant start(Map<String, Object> fields, Instant fallback) {
        if (!(fields.get(EventHistory.STARTS_AT) instanceof String s)) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return fallback;
            }
        }
    }

    /** @return the event type, or {@code null} */
    public static String eventType(Map<String, Object> fields) {
        Object v = fields.get(EventHistory.EVENT_TYPE);
        return v == null ? null : OperationView.text(v);
    }

    /** @return the topic as compared: lower case, single spaces; {@code null} if none */
    public static String topicKey(Object topic) {
        if (!(topic instanceof String s) || s.isBlank()) {
            return null;
        }
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
