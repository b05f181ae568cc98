package org.firewalldoors.handoff.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.handoff.Inquiry;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;

/** JSON in and out of the hand-off resource; errors are thrown and mapped to the error shape by the host. */
final class HandoffJson {

    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .serializeNulls().disableHtmlEscaping().create();

    private HandoffJson() {
    }

    /**
     * @return the body as one JSON object, read by the host's strict reader (a duplicate key, invalid UTF-8 or
     *         deep nesting is a 400 like anywhere in the API); no body (nor Content-Type) is an empty object when
     *         {@code emptyAllowed}
     */
    static Map<String, Object> read(JsonBodies bodies, HttpServletRequest request, boolean emptyAllowed)
            throws IOException {
        StringWriter text = new StringWriter();
        try (Reader reader = request.getReader()) {
            reader.transferTo(text);
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("the body is not valid UTF-8");
        }
        // No body at all is an empty step; a body declared as JSON must be JSON, and "" is not (RFC 8259).
        if (emptyAllowed && text.getBuffer().isEmpty() && request.getContentType() == null) {
            return new LinkedHashMap<>();
        }
        return bodies.readObject(new StringReader(text.toString()));
    }

    /** @return the string fields of a step's body: exactly {@code required} and some of {@code optional} */
    static Map<String, String> strings(Map<String, Object> body, Set<String> required, Set<String> optional) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (!required.contains(e.getKey()) && !optional.contains(e.getKey())) {
                throw ApiException.malformed("unknown field '" + e.getKey() + "'");
            }
            if (!(e.getValue() instanceof String s)) {
                throw ApiException.malformed("field '" + e.getKey() + "' must be a string");
            }
            result.put(e.getKey(), s);
        }
        for (String name : required) {
            if (!result.containsKey(name)) {
                throw ApiException.malformed("field '" + name + "' is required");
            }
        }
        return result;
    }

    /** @return an ISO-8601 instant, with {@code Z} or an offset */
    static Instant instant(String value, String name) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(value);
            if (at.getYear() < 1 || at.getYear() > 9999) {
                throw ApiException.malformed("'" + name + "' must be a date and time between the years 1 and 9999");
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.malformed("'" + name + "' must be an ISO-8601 date and time such as 2026-12-01T15:00:00Z");
        }
    }

    /** @return an ISO-8601 date, or {@code null} */
    static LocalDate date(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw ApiException.malformed("'" + name + "' must be a date between the years 1 and 9999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.malformed("'" + name + "' must be an ISO-8601 date such as 2026-12-01");
        }
    }

    /** @return the inquiry as the API shows it: id, status, submission time, then what else the caller may see */
    static Map<String, Object> inquiry(Inquiry inquiry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", inquiry.id());
        m.put("status", inquiry.status().name());
        m.put("submittedAt", inquiry.submittedAt().toString());
        m.putAll(inquiry.details());
        return m;
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getWriter().write(GSON.toJson(body));
    }
}
