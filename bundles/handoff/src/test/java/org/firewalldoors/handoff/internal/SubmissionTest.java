package org.firewalldoors.handoff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.InvalidRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionTest {

    static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hcpId", "hcp-42");
        body.put("hcpContact", Map.of("email", "dr.heart@example.org"));
        body.put("category", "COMPARATIVE_SAFETY");
        body.put("question", "Is there renal dosing data beyond the label?");
        body.put("product", "Cardiozan");
        body.put("preferredContact", Map.of("channel", "PHONE", "window", "Tuesday mornings"));
        body.put("unsolicited", true);
        return body;
    }

    private static InvalidRecordException refused(Map<String, Object> body) {
        return assertThrows(InvalidRecordException.class, () -> Submission.fields(body));
    }

    @Test
    void aWellFormedSubmissionBecomesTheRecordFields() {
        Map<String, Object> fields = Submission.fields(body());
        assertEquals(List.of("hcpId", "hcpContact", "category", "question", "product", "preferredContact"),
                List.copyOf(fields.keySet()));
        assertEquals(Map.of("channel", "PHONE", "window", "Tuesday mornings"), fields.get("preferredContact"));
        assertTrue(Submission.attested(body()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "assignee", "priority", "dueDate", "followUpDate", "scheduledAt", "mslNotes", "status" })
    void theRepCannotSetWhatMedicalAffairsDecides(String field) {
        Map<String, Object> body = body();
        body.put(field, "2026-12-01");
        InvalidRecordException e = refused(body);
        assertTrue(e.getMessage().contains("'" + field + "'") && e.getMessage().contains("H4"), e.getMessage());
    }

    @Test
    void anyOtherFieldIsRefused() {
        Map<String, Object> body = body();
        body.put("decile", 9L);
        InvalidRecordException e = refused(body);
        assertTrue(e.getMessage().contains("unknown field 'decile'") && e.getMessage().contains("H2"), e.getMessage());
        Map<String, Object> contact = body();
        contact.put("hcpContact", Map.of("email", "x@example.org", "scripts", "40/month"));
        assertTrue(refused(contact).getMessage().contains("hcpContact.scripts"));
        Map<String, Object> preferred = body();
        preferred.put("preferredContact", Map.of("channel", "VISIT", "after", "the sales call"));
        assertTrue(refused(preferred).getMessage().contains("preferredContact.after"));
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefused() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("question", 42L, "hcpId", " ",
                "category", "PRICING", "hcpContact", "dr@example.org", "preferredContact", Map.of("channel", "FAX"),
                "product", List.of("a")).entrySet()) {
            Map<String, Object> body = body();
            body.put(bad.getKey(), bad.getValue());
            assertTrue(refused(body).getMessage().contains(bad.getKey()), bad::toString);
        }
        for (String required : List.of("hcpId", "hcpContact", "category", "question")) {
            Map<String, Object> body = body();
            body.remove(required);
            assertTrue(refused(body).getMessage().contains(required), required);
        }
        Map<String, Object> noWayToReach = body();
        noWayToReach.put("hcpContact", Map.of());
        refused(noWayToReach);
        refused(null);
    }

    @Test
    void onlyJsonTrueAttests() {
        for (Object value : new Object[] { false, "true", 1L, null }) {
            Map<String, Object> body = new HashMap<>(body());
            body.put("unsolicited", value);
            assertFalse(Submission.attested(body), String.valueOf(value));
        }
        Map<String, Object> missing = body();
        missing.remove("unsolicited");
        assertFalse(Submission.attested(missing));
        Submission.fields(missing); // the attestation is checked apart, as H7, not as a malformed body
    }
}
