package org.firewalldoors.compliance.internal.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;

/** JSON in and out for the compliance resources; errors are thrown and mapped by the host in one place. */
final class Http {

    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (src, t, c) -> new JsonPrimitive(src.toString()))
            .create();

    private Http() {
    }

    static Principal principal(HttpServletRequest request) {
        if (request.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new ApiException(401, "UNAUTHENTICATED", "valid credentials are required");
    }

    /** Reads a JSON object with exactly the allowed fields, each a non-blank string where required. */
    static Map<String, String> readStrings(JsonBodies bodies, HttpServletRequest request, Set<String> required,
            Set<String> optional) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : bodies.readObject(request.getReader()).entrySet()) {
            if (!required.contains(e.getKey()) && !optional.contains(e.getKey())) {
                throw ApiException.malformed("unknown field '" + e.getKey() + "'");
            }
            if (!(e.getValue() instanceof String value)) {
                throw ApiException.malformed("field '" + e.getKey() + "' must be a string");
            }
            result.put(e.getKey(), value);
        }
        for (String name : required) {
            if (result.get(name) == null || result.get(name).isBlank()) {
                throw ApiException.malformed("field '" + name + "' is required");
            }
        }
        return result;
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getWriter().write(GSON.toJson(body));
    }

    static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/", -1);
    }

    static Map<String, Object> list(String name, Object items) {
        return Map.of(name, items);
    }

}
