package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.CATEGORY;
import static org.firewalldoors.handoff.internal.Fields.HCP_CONTACT;
import static org.firewalldoors.handoff.internal.Fields.HCP_ID;
import static org.firewalldoors.handoff.internal.Fields.PREFERRED_CONTACT;
import static org.firewalldoors.handoff.internal.Fields.PRODUCT;
import static org.firewalldoors.handoff.internal.Fields.QUESTION;
import static org.firewalldoors.handoff.internal.Fields.UNSOLICITED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.InvalidRecordException;

/**
 * A rep's capture, checked against the contract of the hand-off: exactly the
 * fields of step 2 (H1), nothing else (H2), and none of the MSL's (H4). The
 * attestation (H7) and the content of the text (H2, by the region's policy)
 * are checked after this.
 */
final class Submission {

    /** The fields a rep may send, in the order of the API. */
    static final List<String> FIELDS = List.of(HCP_ID, HCP_CONTACT, CATEGORY, QUESTION, PRODUCT, PREFERRED_CONTACT,
            UNSOLICITED);
    static final Set<String> CATEGORIES = Set.of("INVESTIGATIONAL_DATA", "OFF_LABEL_USE", "COMPARATIVE_SAFETY",
            "PHARMACOECONOMIC", "MECHANISM_OF_ACTION", "OTHER_CLINICAL");
    static final Set<String> CHANNELS = Set.of("EMAIL", "PHONE", "VISIT");
    static final int MAX_QUESTION = 4000;
    static final int MAX_TEXT = 256;

    private Submission() {
    }

    /**
     * @return the record fields of a well-formed submission (without the attestation)
     * @throws InvalidRecordException naming the first field that is unknown, missing or of the wrong shape
     */
    static Map<String, Object> fields(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidRecordException("the submission is empty");
        }
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw unknown(name);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(HCP_ID, text(body.get(HCP_ID), HCP_ID, MAX_TEXT, true));
        fields.put(HCP_CONTACT, contact(body.get(HCP_CONTACT)));
        fields.put(CATEGORY, oneOf(body.get(CATEGORY), CATEGORY, CATEGORIES));
        fields.put(QUESTION, text(body.get(QUESTION), QUESTION, MAX_QUESTION, true));
        String product = text(body.get(PRODUCT), PRODUCT, MAX_TEXT, false);
        if (product != null) {
            fields.put(PRODUCT, product);
        }
        if (body.get(PREFERRED_CONTACT) != null) {
            fields.put(PREFERRED_CONTACT, preferredContact(body.get(PREFERRED_CONTACT)));
        }
        return fields;
    }

    /** @return whether the rep attests that the HCP raised the question unprompted: JSON {@code true} only (H7) */
    static boolean attested(Map<String, Object> body) {
        return Boolean.TRUE.equals(body.get(UNSOLICITED));
    }

    private static InvalidRecordException unknown(String name) {
        if (InquiryRecordType.TYPE.field(name) != null) {
            return new InvalidRecordException("'" + name + "' is not the rep's to set: Medical Affairs reviews, "
                    + "prioritises and schedules the inquiry independently (H4)");
        }
        return new InvalidRecordException("unknown field '" + name + "': a scientific inquiry holds only "
                + String.join(", ", FIELDS) + " (H1, H2)");
    }

    private static Map<String, Object> contact(Object value) {
        Map<String, Object> in = object(value, HCP_CONTACT, true);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : in.keySet()) {
            if (!key.equals("email") && !key.equals("phone")) {
                throw new InvalidRecordException("unknown field 'hcpContact." + key + "': only email and phone (H1)");
            }
            String v = text(in.get(key), "hcpContact." + key, MAX_TEXT, false);
            if (v != null) {
                out.put(key, v);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidRecordException("'hcpContact' needs an email or a phone number (H1)");
        }
        return out;
    }

    private static Map<String, Object> preferredContact(Object value) {
        Map<String, Object> in = object(value, PREFERRED_CONTACT, false);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : in.keySet()) {
            if (!key.equals("channel") && !key.equals("window")) {
                throw new InvalidRecordException("unknown field 'preferredContact." + key
                        + "': only channel and window (H1)");
            }
        }
        out.put("channel", oneOf(in.get("channel"), "preferredContact.channel", CHANNELS));
        String window = text(in.get("window"), "preferredContact.window", MAX_TEXT, false);
        if (window != null) {
            out.put("window", window);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String name, boolean required) {
        if (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) m;
        }
        throw new InvalidRecordException("'" + name + "' must be an object" + (required ? " and is required" : ""));
    }

    private static String oneOf(Object value, String name, Set<String> allowed) {
        if (value instanceof String s && allowed.contains(s)) {
            return s;
        }
        throw new InvalidRecordException("'" + name + "' must be one of " + allowed.stream().sorted().toList());
    }

    /** @return the trimmed text, or {@code null} when optional and absent */
    static String text(Object value, String name, int max, boolean required) {
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidRecordException("'" + name + "' must be a non-blank string");
        }
        if (s.length() > max) {
            throw new InvalidRecordException("'" + name + "' is longer than " + max + " characters");
        }
        return s.strip();
    }
}
