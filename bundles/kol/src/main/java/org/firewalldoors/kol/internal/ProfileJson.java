package org.firewalldoors.kol.internal;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolProfileRecord;

/**
 * A KOL profile in and out of the HTTP API. Reading is strict: one JSON
 * object, known fields only, each once and of its type; anything else is a 400
 * that names the field. Computed fields and fields that look like prescribing
 * data are refused with the requirement they break (K4).
 */
final class ProfileJson {

    /** What a body held: the profile, and the version the caller last saw (0 when not given). */
    record Body(KolProfile profile, long version) {
    }

    private static final Pattern PRESCRIBING = Pattern.compile(
            ".*(decile|trx|nrx|script|prescri|rx|sales|marketshare|volume|revenue|quota|target|writer).*");

    private ProfileJson() {
    }

    /**
     * @param allowVersion whether the body may carry {@code version} (an update)
     * @throws ApiException 400 MALFORMED for anything but a well-formed profile
     */
    static Body read(Reader in, boolean allowVersion) {
        Map<String, String> texts = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        List<KolPeer> peers = null;
        Boolean objection = null;
        Integer visits = null;
        long version = 0;
        try {
            JsonReader json = new JsonReader(in);
            json.setStrictness(Strictness.STRICT);
            expect(json, JsonToken.BEGIN_OBJECT, "the body must be a JSON object");
            json.beginObject();
            Set<String> seen = new HashSet<>();
            while (json.hasNext()) {
                String name = json.nextName();
                if (!seen.add(name)) {
                    throw ApiException.malformed("field '" + name + "' appears twice");
                }
                if (json.peek() == JsonToken.NULL) {
                    json.nextNull();
                    if (KolFields.TEXTS.contains(name) || KolFields.WRITTEN.contains(name)
                            || allowVersion && "version".equals(name)) {
                        continue;
                    }
                    throw unknown(name);
                }
                if (KolFields.TEXTS.contains(name)) {
                    texts.put(name, text(json, name));
                } else if (KolFields.TEXT_LISTS.contains(name)) {
                    lists.put(name, texts(json, name));
                } else if (KolFields.PEERS.equals(name)) {
                    peers = peers(json);
                } else if (KolFields.PROFILING_OBJECTION.equals(name)) {
                    expect(json, JsonToken.BOOLEAN, "field 'profilingObjection' must be true or false");
                    objection = json.nextBoolean();
                } else if (KolFields.VISIT_COUNT.equals(name)) {
                    visits = (int) whole(json, name, Integer.MAX_VALUE);
                } else if (allowVersion && "version".equals(name)) {
                    version = whole(json, name, Long.MAX_VALUE);
                } else {
                    throw unknown(name);
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw ApiException.malformed("the body must be one JSON object and nothing after it");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw ApiException.malformed("the body is not valid JSON: " + e.getMessage());
        }
        if (texts.get(KolFields.LAST_VISIT) != null) {
            try {
                LocalDate.parse(texts.get(KolFields.LAST_VISIT));
            } catch (DateTimeParseException e) {
                throw ApiException.malformed("field 'lastVisit' must be a date such as 2026-11-20");
            }
        }
        try {
            return new Body(new KolProfile(texts.get(KolFields.HCP_ID), texts.get(KolFields.NAME),
                    texts.get(KolFields.SPECIALTY), texts.get(KolFields.INSTITUTION), texts.get(KolFields.REGION),
                    lists.get(KolFields.SCIENTIFIC_INTERESTS), lists.get(KolFields.DATA_GAPS),
                    lists.get(KolFields.PUBLICATIONS), lists.get(KolFields.TRIAL_ROLES),
                    lists.get(KolFields.GUIDELINE_ROLES), lists.get(KolFields.SOCIETY_ROLES), peers, objection,
                    texts.get(KolFields.MSL_NOTES), texts.get(KolFields.LAST_VISIT), visits,
                    texts.get(KolFields.VISIT_FREQUENCY)), version);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
    }

    private static ApiException unknown(String name) {
        if (KolFields.COMPUTED.contains(name)) {
            return ApiException.malformed("field '" + name
                    + "' is computed from publications, trial, guideline and society roles and peers; it cannot be written (K4)");
        }
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (PRESCRIBING.matcher(key).matches()) {
            return ApiException.malformed("field '" + name + "' is not part of a KOL profile: KOLs are tiered on "
                    + "scientific criteria, and prescribing data is refused as an input (K4)");
        }
        return ApiException.malformed("KolProfile has no field '" + name + "'");
    }

    private static void expect(JsonReader json, JsonToken token, String message) throws IOException {
        if (json.peek() != token) {
            throw ApiException.malformed(message);
        }
    }

    private static String text(JsonReader json, String name) throws IOException {
        expect(json, JsonToken.STRING, "field '" + name + "' must be a string");
        String s = json.nextString();
        if (s.isBlank()) {
            throw ApiException.malformed("field '" + name + "' is blank");
        }
        return s;
    }

    private static List<String> texts(JsonReader json, String name) throws IOException {
        expect(json, JsonToken.BEGIN_ARRAY, "field '" + name + "' must be a list of strings");
        List<String> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            values.add(text(json, name + "[" + values.size() + "]"));
        }
        json.endArray();
        return values;
    }

    private static List<KolPeer> peers(JsonReader json) throws IOException {
        expect(json, JsonToken.BEGIN_ARRAY, "field 'peers' must be a list of {\"hcpId\", \"relation\"}");
        List<KolPeer> peers = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String where = "peers[" + peers.size() + "]";
            expect(json, JsonToken.BEGIN_OBJECT, where + " must be {\"hcpId\", \"relation\"}");
            json.beginObject();
            Map<String, String> peer = new HashMap<>();
            while (json.hasNext()) {
                String name = json.nextName();
                if (!"hcpId".equals(name) && !"relation".equals(name) || peer.containsKey(name)) {
                    throw ApiException.malformed(where + " has an unknown or repeated field '" + name + "'");
                }
                peer.put(name, text(json, where + "." + name));
            }
            json.endObject();
            if (peer.size() != 2) {
                throw ApiException.malformed(where + " needs both 'hcpId' and 'relation'");
            }
            peers.add(new KolPeer(peer.get("hcpId"), peer.get("relation")));
        }
        json.endArray();
        return peers;
    }

    private static long whole(JsonReader json, String name, long max) throws IOException {
        expect(json, JsonToken.NUMBER, "field '" + name + "' must be a whole number");
        BigDecimal n = new BigDecimal(json.nextString());
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.malformed("field '" + name + "' must be a whole number from 0");
        }
        return n.longValueExact();
    }

    /** @return a profile as the API shows it: record data first, then the members the caller may see, then the tier */
    static Map<String, Object> write(KolProfileRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("version", r.version());
        m.put("updatedAt", r.updatedAt().toString());
        m.putAll(ProfileFields.shown(r.profile()));
        if (r.tier() != null) {
            m.put(KolFields.TIER, r.tier().tier());
            m.put(KolFields.TIER_REASONS, r.tier().reasons());
        }
        return m;
    }
}
