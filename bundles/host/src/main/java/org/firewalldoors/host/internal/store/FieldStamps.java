package org.firewalldoors.host.internal.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * When each field of a record last changed: the record version and time of its
 * last write. A caller who may see only some fields gets a version and update
 * time that move only when one of those fields changes, so an edit of a field
 * kept from them shows in neither (K3: no metadata side channel).
 */
final class FieldStamps {

    private static final Gson GSON = new Gson();
    private static final Type MAP = new TypeToken<LinkedHashMap<String, Stamp>>() { }.getType();

    /** The version and time of one field's last change. */
    record Stamp(long version, String at) {
    }

    private final Map<String, Stamp> stamps;

    private FieldStamps(Map<String, Stamp> stamps) {
        this.stamps = stamps;
    }

    /** @return the stamps of a new record: every field written at version 1 */
    static FieldStamps created(Map<String, Object> fields, Instant at) {
        Map<String, Stamp> m = new LinkedHashMap<>();
        fields.keySet().forEach(f -> m.put(f, new Stamp(1, at.toString())));
        return new FieldStamps(m);
    }

    /** @return the stamps after a write: every field whose value changed gets the new version */
    FieldStamps changed(Map<String, Object> before, Map<String, Object> after, long version, Instant at) {
        Map<String, Stamp> m = new LinkedHashMap<>(stamps);
        m.keySet().retainAll(after.keySet());
        after.forEach((f, v) -> {
            if (!Objects.equals(before.get(f), v)) {
                m.put(f, new Stamp(version, at.toString()));
            }
        });
        return new FieldStamps(m);
    }

    /**
     * @return the version and time of the last change to any of the given fields; version 1 at creation when
     *         none of them changed since (or when the record predates stamps)
     */
    Stamp lastChangeOf(Collection<String> fields, Instant createdAt) {
        Stamp last = new Stamp(1, createdAt.toString());
        for (String f : fields) {
            Stamp s = stamps.get(f);
            if (s != null && s.version() > last.version()) {
                last = s;
            }
        }
        return last;
    }

    String toJson() {
        return GSON.toJson(stamps, MAP);
    }

    static FieldStamps fromJson(String json) {
        Map<String, Stamp> m = json == null ? null : GSON.fromJson(json, MAP);
        return new FieldStamps(m == null ? new LinkedHashMap<>() : m);
    }
}
