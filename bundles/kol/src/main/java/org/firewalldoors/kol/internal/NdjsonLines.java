package org.firewalldoors.kol.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.firewalldoors.api.kol.KolExportSummary;

/**
 * JSON Lines (application/x-ndjson): one JSON object per profile, then
 * {@code {"trailer": {"count", "policy", "policyVersion", "sha256", "cursor"}}}.
 * Gson's {@link JsonWriter} writes each object straight to the output; JSON
 * escapes every line break inside a value, so a line is always one profile.
 */
final class NdjsonLines extends ExportLines {

    NdjsonLines(OutputStream out) {
        super(out);
    }

    @Override
    protected void header() {
        // JSON Lines has no header.
    }

    @Override
    protected void line(Function<String, Object> fields) throws IOException {
        JsonWriter json = json(writer);
        json.beginObject();
        for (String name : KolFields.EXPORTABLE) {
            Object value = fields.apply(name);
            if (value != null) {
                json.name(name);
                value(json, value);
            }
        }
        json.endObject();
        writer.write('\n');
    }

    @Override
    protected void trailer(KolExportSummary s) throws IOException {
        JsonWriter json = json(writer);
        json.beginObject().name("trailer").beginObject()
                .name("count").value(s.count())
                .name("policy").value(s.policy())
                .name("policyVersion").value(s.policyVersion())
                .name("sha256").value(s.sha256())
                .name("cursor").value(s.cursor())
                .endObject().endObject();
        writer.write('\n');
    }

    /** A writer for one line; never closed or flushed, so the shared writer stays open and buffered. */
    private static JsonWriter json(Writer writer) {
        JsonWriter json = new JsonWriter(writer);
        json.setSerializeNulls(true);
        return json;
    }

    /** Writes a JSON-shaped Java value: String, Number, Boolean, List, Map or null. */
    static void value(JsonWriter json, Object v) throws IOException {
        if (v == null) {
            json.nullValue();
        } else if (v instanceof String s) {
            json.value(s);
        } else if (v instanceof Boolean b) {
            json.value(b);
        } else if (v instanceof Number n) {
            json.value(n);
        } else if (v instanceof List<?> list) {
            json.beginArray();
            for (Object item : list) {
                value(json, item);
            }
            json.endArray();
        } else if (v instanceof Map<?, ?> map) {
            json.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.name(String.valueOf(e.getKey()));
                value(json, e.getValue());
            }
            json.endObject();
        } else {
            json.value(String.valueOf(v));
        }
    }
}
