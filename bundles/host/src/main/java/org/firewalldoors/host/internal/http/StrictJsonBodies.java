package org.firewalldoors.host.internal.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.http.JsonBodies;
import org.osgi.service.component.annotations.Component;

/** Reads request bodies with Gson's streaming reader in strict mode: duplicates and deep nesting are refused. */
@Component(service = JsonBodies.class)
public final class StrictJsonBodies implements JsonBodies {

    @Override
    public Map<String, Object> readObject(Reader body) {
        try {
            JsonReader reader = new JsonReader(body);
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) value(reader, 1);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiException.malformed("the body holds more than one JSON value");
            }
            return result;
        } catch (MalformedJsonException | java.io.EOFException | IllegalStateException | NumberFormatException e) {
            throw ApiException.malformed("the body is not valid JSON: " + e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.malformed("the body is not valid UTF-8");
        } catch (IOException e) {
            throw ApiException.malformed("the body could not be read: " + e.getMessage());
        }
    }

    private static Object value(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw ApiException.malformed("the body is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (map.containsKey(name)) {
                        throw ApiException.malformed("field '" + name + "' appears twice");
                    }
                    map.put(name, value(reader, depth + 1));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(value(reader, depth + 1));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                String s = reader.nextString();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\0') {
                        throw ApiException.malformed("text must not contain NUL characters");
                    }
                    if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))
                            || Character.isLowSurrogate(c)) {
                        throw ApiException.malformed("text holds a broken surrogate pair");
                    }
                }
                return s;
            }
            case NUMBER -> {
                String n = reader.nextString();
                if (!n.contains(".") && !n.contains("e") && !n.contains("E")) {
                    try {
                        return Long.parseLong(n);
                    } catch (NumberFormatException e) {
                        // too large for a long: read as a double below
                    }
                }
                double d = Double.parseDouble(n);
                if (Double.isInfinite(d)) {
                    throw ApiException.malformed("number out of range: " + n);
                }
                return d;
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return null;
            }
            default -> throw ApiException.malformed("unexpected " + reader.peek() + " in the body");
        }
    }
}
