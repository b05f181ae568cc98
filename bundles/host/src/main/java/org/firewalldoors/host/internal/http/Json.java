package org.firewalldoors.host.internal.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.http.ApiException;

/** JSON in and out of the HTTP API, with Gson. */
final class Json {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Type MAP = new TypeToken<LinkedHashMap<String, Object>>() { }.getType();

    static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (src, t, c) -> new JsonPrimitive(src.toString()))
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** Reads the request body as one JSON object; anything else is a 400. */
    static Map<String, Object> readObject(HttpServletRequest request) throws IOException {
        try (Reader reader = request.getReader()) {
            JsonReader json = new JsonReader(reader);
            JsonElement element = JsonParser.parseReader(json);
            if (!element.isJsonObject()) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            Map<String, Object> map = GSON.fromJson(element, MAP);
            return map == null ? new LinkedHashMap<>() : map;
        } catch (JsonParseException | IllegalStateException e) {
            throw ApiException.malformed("the body is not valid JSON: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
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
        m.put("owner", r.owner());
        m.put("region", r.region());
        m.put("createdAt", r.createdAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("version", r.version());
        m.putAll(r.fields());
        return m;
    }
}
