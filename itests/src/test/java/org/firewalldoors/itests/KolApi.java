package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The KOL resources over HTTP for the tests of door 3, and how to read an export. */
final class KolApi {

    /** Every field an export line may carry (K1). */
    static final Set<String> DOOR_FIELDS = Set.of("hcpId", "name", "specialty", "institution", "region",
            "scientificInterests", "dataGaps", "publications", "trialRoles", "guidelineRoles", "societyRoles", "peers",
            "tier", "tierReasons");

    final ApiClient api;

    KolApi(ApiClient api) {
        this.api = api;
    }

    /** A full profile, with the MSL's own notes and visit data. */
    static String profile(String hcpId, String extra) {
        return """
                {"hcpId": "%s", "name": "Dr. %s", "specialty": "Cardiology", "institution": "St. Elsewhere",
                 "scientificInterests": ["HFpEF phenotyping"], "dataGaps": ["outcomes in patients over 80"],
                 "publications": ["NEJM 2024;390:1", "Lancet 2023;401:2"], "trialRoles": ["Principal investigator, TRIAL-7"],
                 "guidelineRoles": ["ESC heart failure guideline 2023"], "societyRoles": ["HFSA board member"],
                 "peers": [{"hcpId": "hcp-peer-1", "relation": "co-author"}], "profilingObjection": false,
                 "mslNotes": "MSLNOTE discussed the registry design", "lastVisit": "2026-10-02", "visitCount": 7,
                 "visitFrequency": "VISITFREQ monthly"%s}""".formatted(hcpId, hcpId, extra);
    }

    JsonObject create(String user, String body) throws Exception {
        HttpResponse<String> r = api.send("POST", "/kols", user, body);
        assertEquals(201, r.statusCode(), r.body());
        return json(r.body());
    }

    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    HttpResponse<String> export(String user, String query, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + "/kol-intelligence/export" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return api.raw(b.GET().build());
    }

    /** An NDJSON export, checked: its trailer counts the lines and hashes their bytes. */
    record Export(List<JsonObject> lines, JsonObject trailer, String body) {

        static Export of(HttpResponse<String> r) throws Exception {
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
            String body = r.body();
            assertTrue(body.endsWith("\n"), "the export ends with a complete trailer line");
            int last = body.lastIndexOf('\n', body.length() - 2) + 1;
            List<JsonObject> lines = new ArrayList<>();
            for (String line : body.substring(0, last).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(json(line));
                }
            }
            JsonObject trailer = json(body.substring(last)).getAsJsonObject("trailer");
            assertEquals(lines.size(), trailer.get("count").getAsLong(), "the trailer counts the lines");
            assertEquals(sha256(body.substring(0, last)), trailer.get("sha256").getAsString(),
                    "the trailer hashes the bytes of the lines before it");
            return new Export(lines, trailer, body);
        }

        /** @return the lines about the given HCPs, in export order */
        List<JsonObject> about(Set<String> hcpIds) {
            return lines.stream().filter(l -> hcpIds.contains(l.get("hcpId").getAsString())).toList();
        }

        Set<String> hcpIds() {
            return lines.stream().map(l -> l.get("hcpId").getAsString()).collect(Collectors.toSet());
        }

        String cursor() {
            return trailer.get("cursor").getAsString();
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
