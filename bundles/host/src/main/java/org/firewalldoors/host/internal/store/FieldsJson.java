package org.firewalldoors.host.internal.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a record's fields as one JSON document. */
final class FieldsJson {

    private static final Type MAP = new TypeToken<LinkedHashMap<String, Object>>() { }.getType();
    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .serializeNulls().disableHtmlEscaping().create();

    private FieldsJson() {
    }

    static String write(Map<String, Object> fields) {
        return GSON.toJson(fields, MAP);
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> m = GSON.fromJson(json, MAP);
        return m == null ? new LinkedHashMap<>() : m;
    }
}
