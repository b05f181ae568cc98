package org.firewalldoors.host.internal.http;

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
import org.firewalldoors.api.host.CrmRecord;

/** JSON in and out of the HTTP API, with Gson. */
final class Json {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (src, t, c) -> new JsonPrimitive(src.toString()))
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    private static final StrictJsonBodies BODIES = new StrictJsonBodies();

    /** Reads the request body as one JSON object; anything else is a 400 (see {@link StrictJsonBodies}). */
    static Map<String, Object> readObject(HttpServletRequest request) throws IOException {
        return BODIES.readObject(request.getReader());
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.getWriter().write(GSON.toJson(body));
    }

    /** A record as the API shows it: host fields first, then the record's own fields. */
    static Map<String, Object> record(CrmRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", r.type());
        if (!r.owner().isEmpty()) { // empty: a record that crossed a door does not say whose it is
            m.put("owner", r.owner());
        }
        m.put("region", r.region());
        m.put("createdAt", r.createdAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("version", r.version());
        m.putAll(r.fields());
        return m;
    }
}
