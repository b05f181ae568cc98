package org.firewalldoors.kol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.http.ApiException;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolProfileRecord;
import org.firewalldoors.api.kol.KolTier;
import org.junit.jupiter.api.Test;

/** Validation of profile bodies: known fields, each of its type, once; prescribing data refused (K4). */
class ProfileJsonTest {

    private static final String FULL = """
            {"hcpId": "hcp-1", "name": "Dr. Ada Heart", "specialty": "Cardiology", "institution": "St. Elsewhere",
             "region": "US", "scientificInterests": ["HFpEF"], "dataGaps": ["over 80"], "publications": ["NEJM 2024"],
             "trialRoles": ["PI TRIAL-7"], "guidelineRoles": [], "societyRoles": ["HFSA board"],
             "peers": [{"hcpId": "hcp-2", "relation": "co-author"}], "profilingObjection": false,
             "mslNotes": "registry", "lastVisit": "2026-10-02", "visitCount": 7, "visitFrequency": "monthly"}""";

    private static KolProfile read(String json) {
        return ProfileJson.read(new StringReader(json), false).profile();
    }

    private static String refused(String json) {
        ApiException e = assertThrows(ApiException.class, () -> ProfileJson.read(new StringReader(json), false));
        assertEquals(400, e.status());
        assertEquals("MALFORMED", e.code());
        return e.getMessage();
    }

    @Test
    void aFullProfileIsRead() {
        KolProfile p = read(FULL);
        assertEquals("hcp-1", p.hcpId());
        assertEquals(List.of(new KolPeer("hcp-2", "co-author")), p.peers());
        assertEquals(List.of(), p.guidelineRoles());
        assertEquals(7, p.visitCount());
        assertEquals(Boolean.FALSE, p.profilingObjection());
        assertNull(read("{\"hcpId\": \"h\", \"specialty\": null}").specialty(), "null is absent");
    }

    @Test
    void unknownFieldsAreRefusedAndPrescribingDataSaysWhy() {
        assertEquals("KolProfile has no field 'hobby'", refused("{\"hcpId\": \"h\", \"hobby\": \"golf\"}"));
        for (String field : List.of("decile", "trx", "NRx", "scriptVolume", "prescribingDecile", "marketShare", "salesRank")) {
            String m = refused("{\"hcpId\": \"h\", \"" + field + "\": 9}");
            assertTrue(m.contains("prescribing data is refused as an input (K4)"), m);
        }
        assertTrue(refused("{\"tier\": 1}").contains("computed"), "the tier is never an input (K4)");
        assertTrue(refused("{\"tierReasons\": []}").contains("K4"));
        assertEquals("KolProfile has no field 'version'", refused("{\"version\": 3}"), "only an update names a version");
        assertEquals(3, ProfileJson.read(new StringReader("{\"version\": 3}"), true).version());
    }

    @Test
    void typesShapesAndSyntaxAreChecked() {
        assertEquals("field 'name' must be a string", refused("{\"name\": 5}"));
        assertEquals("field 'publications' must be a list of strings", refused("{\"publications\": \"NEJM\"}"));
        assertEquals("field 'publications[1]' must be a string", refused("{\"publications\": [\"a\", 2]}"));
        assertEquals("field 'dataGaps[0]' is blank", refused("{\"dataGaps\": [\"  \"]}"));
        assertEquals("peers[0] needs both 'hcpId' and 'relation'", refused("{\"peers\": [{\"hcpId\": \"x\"}]}"));
        assertTrue(refused("{\"peers\": [{\"hcpId\": \"x\", \"relation\": \"y\", \"trx\": 1}]}").contains("'trx'"));
        assertEquals("field 'profilingObjection' must be true or false", refused("{\"profilingObjection\": \"no\"}"));
        assertTrue(refused("{\"visitCount\": -1}").contains("whole number"));
        assertTrue(refused("{\"visitCount\": 1.5}").contains("whole number"));
        assertTrue(refused("{\"lastVisit\": \"last week\"}").contains("date"));
        assertEquals("field 'name' appears twice", refused("{\"name\": \"a\", \"name\": \"b\"}"));
        assertEquals("the body must be a JSON object", refused("[]"));
        assertTrue(refused("{name: \"unquoted\"}").startsWith("the body is not valid JSON"));
        assertTrue(refused("{} {}").startsWith("the body is not valid JSON"), "one object, nothing after it");
        assertTrue(refused("{\"name\": \"a\"").startsWith("the body is not valid JSON"));
    }

    @Test
    void aProfileIsShownWithItsRecordDataAndOnlyTheMembersPresent() {
        KolProfile p = new KolProfile("hcp-1", "Dr. A", null, null, "US", List.of("HFpEF"), null, null, null, null,
                null, null, null, null, null, null, null);
        Map<String, Object> shown = ProfileJson.write(new KolProfileRecord("r-1", 3,
                Instant.parse("2026-11-20T10:00:00Z"), p, new KolTier(4, List.of("score 0"))));
        assertEquals(List.of("id", "version", "updatedAt", "hcpId", "name", "region", "scientificInterests", "tier",
                "tierReasons"), List.copyOf(shown.keySet()));
    }
}
