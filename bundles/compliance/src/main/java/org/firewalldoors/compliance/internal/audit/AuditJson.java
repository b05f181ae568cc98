package org.firewalldoors.compliance.internal.audit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an event's old and new values as the JSON text that is stored and
 * hashed, and reads them back. Values other than strings, numbers, booleans,
 * maps, collections and arrays are written as their {@code toString()}, so
 * that what is stored never depends on reflection.
 */
final class AuditJson {

    private static final Type MAP = new TypeToken<LinkedHashMap<String, Object>>() { }.getType();
    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .serializeNulls().disableHtmlEscaping().create();

    private AuditJson() {
    }

    static String write(Map<String, Object> values) {
        return GSON.toJson(tree(values));
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> values = GSON.fromJson(json, MAP);
        return values == null ? new LinkedHashMap<>() : values;
    }

    private static JsonElement tree(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof String || value instanceof Character || value instanceof Enum<?>) {
            return new JsonPrimitive(value instanceof Enum<?> e ? e.name() : value.toString());
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            boolean finite = !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
            return finite ? new JsonPrimitive(n) : new JsonPrimitive(n.toString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), tree(v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            JsonArray array = new JsonArray();
            items.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value.getClass().isArray()) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(tree(Array.get(value, i)));
            }
            return array;
        }
        return new JsonPrimitive(value.toString());
    }
}
