package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * X4, leetspeak: the term lists a shipped policy opts in are caught when written with digits and symbols for
 * letters; lists not opted in are not read that way; ordinary clinical text full of numbers is not refused.
 */
class LeetspeakTest {

    private static final Map<String, String> POLICY_FILES = Map.of(
            "us", "../policy-us/src/main/resources/policy/us.json",
            "eu", "../policy-eu/src/main/resources/policy/eu.json");
    private static final Map<String, CompiledPolicy> POLICIES = new LinkedHashMap<>();
    private static final Map<String, JsonObject> DOCUMENTS = new LinkedHashMap<>();

    private static final List<UnaryOperator<String>> DISGUISES = List.of(
            s -> substitute(s, "aeiost", "431057"),
            s -> substitute(s, "abegilostz", "4836110572"),
            s -> substitute(s, "as", "@$"),
            s -> substitute(s, "eio", "310").toUpperCase(),
            s -> String.join("-", substitute(s, "ae", "43").split("")).replace("- -", " "),
            s -> substitute(s, "l", "1"),
            s -> substitute(s, "gb", "98"));

    private static final RecordTypeDescriptor INQUIRY = type("ScientificInquiry", Map.of(
            "question", FieldSpec.shared(FieldType.STRING)));

    @BeforeAll
    static void compile() throws Exception {
        for (Map.Entry<String, String> e : POLICY_FILES.entrySet()) {
            String json = Files.readString(Path.of(e.getValue()));
            POLICIES.put(e.getKey(), PolicyCompiler.compile(e.getKey() + ".json", json, "test"));
            DOCUMENTS.put(e.getKey(), new Gson().fromJson(json, JsonObject.class));
        }
    }

    /** @return words the phrase finds: proximity written as adjacent words, lemmas as their word */
    private static String example(String phrase) {
        return phrase.replaceAll("\\s+~>?\\d+\\s+", " ").replaceAll("~([a-z]{2}:)?", "");
    }

    private static String substitute(String s, String letters, String replacements) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            int i = letters.indexOf(c);
            b.append(i < 0 ? c : replacements.charAt(i));
        }
        return b.toString();
    }

    private static List<String> optedIn(String policy) {
        List<String> lists = new ArrayList<>();
        DOCUMENTS.get(policy).getAsJsonArray("leetspeak").forEach(l -> lists.add(l.getAsString()));
        return lists;
    }

    @Test
    void everyPhraseOfEveryOptedInListIsCaughtInLeetspeak() {
        int tried = 0;
        List<String> missed = new ArrayList<>();
        for (String policy : POLICIES.keySet()) {
            List<String> lists = optedIn(policy);
            assertTrue(lists.size() >= 5, policy + " opts in the lists its refusals use: " + lists);
            JsonObject termLists = DOCUMENTS.get(policy).getAsJsonObject("termLists");
            for (String list : lists) {
                for (var phrase : termLists.getAsJsonArray(list)) {
                    if (phrase.getAsString().contains("#")) {
                        continue; // number patterns are matched as written, never read as leetspeak
                    }
                    for (UnaryOperator<String> disguise : DISGUISES) {
                        String variant = disguise.apply(example(phrase.getAsString()));
                        String text = "Note from the field: " + variant + ", as discussed.";
                        tried++;
                        List<PhraseMatch> found = POLICIES.get(policy).terms().find(text);
                        boolean caught = found.stream().anyMatch(m -> m.list().equals(list)
                                && m.originalText().equals(text.substring(m.start(), m.end())));
                        if (!caught) {
                            missed.add(policy + " " + list + ": " + variant);
                        }
                    }
                }
            }
        }
        System.out.printf("leetspeak: %d disguised phrases tried, %d caught, %d missed%n", tried,
                tried - missed.size(), missed.size());
        assertTrue(tried > 1000, "tried " + tried);
        assertEquals(List.of(), missed.subList(0, Math.min(20, missed.size())));
    }

    @Test
    void aRefusalQuotesTheLeetspeakAsWrittenAndNamesTheRule() {
        String question = "Dr Reyes is a h1gh-d3c1l3 prescr1ber; what is the renal dosing?";
        Decision d = new PolicyEngine(id -> Optional.empty())
                .decide(POLICIES.get("us"), create(REP, INQUIRY, Map.of("question", question)));
        assertTrue(d.blocked());
        assertEquals("us.h2.inquiry-commercial-context", d.refusal().ruleId());
        assertTrue(d.refusal().offending().contains("h1gh-d3c1l3 prescr1ber"), d.refusal().offending().toString());
    }

    @Test
    void aPhraseFoundBothWaysIsReportedOnce() {
        List<PhraseMatch> found = POLICIES.get("us").terms().find("top decile and t0p d3c1le");
        assertEquals(2, found.stream().filter(m -> m.list().equals("prescribing-context")
                && m.phrase().equals("top decile")).count(), found.toString());
        assertEquals(found.size(), found.stream().map(m -> m.list() + m.start() + ":" + m.end()).distinct().count());
    }

    @Test
    void listsNotOptedInAreNotReadAsLeetspeak() {
        assertFalse(optedIn("us").contains("alcohol"));
        assertTrue(POLICIES.get("us").terms().find("a bottle of wine").stream().anyMatch(m -> m.list().equals("alcohol")));
        assertTrue(POLICIES.get("us").terms().find("a bottle of w1n3").stream().noneMatch(m -> m.list().equals("alcohol")));
    }

    @Test
    void ordinaryClinicalTextWithNumbersIsNotRefused() {
        List<String> questions = List.of(
                "What were the phase 3 results at 52 weeks in patients with eGFR 30-59?",
                "Is there an interaction with CYP3A4 or CYP2D6 inhibitors at the 150 mg dose?",
                "What was the mean HbA1c reduction (0.8%) versus placebo, p<0.001?",
                "Does IL-6 or IL-17 inhibition change the risk of infection over 24 months?",
                "EGFR exon 19 deletion and L858R: is there data in T790M-positive disease?",
                "Can 2 x 5 mg tablets replace one 10 mg tablet in patients over 75?",
                "What is the half-life (t1/2 = 38 h) in Child-Pugh B hepatic impairment?",
                "Is the 4-week loading dose needed for BMI above 40 kg/m2?",
                "What are the data in HER2-low, ER+ patients after 1 to 3 prior lines?",
                "Was QTc prolongation above 500 ms seen in the 1,200-patient safety set?",
                "Are there real-world data from 2019 to 2023 in the Nordic registries?",
                "Is the vial stable for 28 days at 2-8 °C once opened?",
                "What was the NNT of 17 for the primary endpoint in the CLEAR trial?",
                "Please send the poster from ESC 2024 on LDL-C lowering by 60%.",
                "How were patients with a CD4 count below 200 cells/mm3 handled?",
                "Which PD-L1 TPS cut-off (1% or 50%) was used for stratification?",
                "Is there a 12-lead ECG monitoring recommendation for the first 6 hours?",
                "What is known about use in stage 4 CKD or on dialysis?",
                "Any data on the 8 mg/kg q3w schedule versus 4 mg/kg weekly?",
                "Did the 5-year follow-up show a plateau in the Kaplan-Meier curve?",
                "Welche Daten gibt es zur 2. Linie nach 3 Zyklen?",
                "Quelles données à 12 mois chez les patients de 18 à 65 ans ?",
                "Is there a paediatric formulation for children aged 6 to 11 years?",
                "Could you share the 2-page summary of the label update from 1 March?",
                "Email me at dr.lee@clinic.org with the $0 copay card eligibility criteria for medical review.");
        int refused = 0;
        for (String policy : POLICIES.keySet()) {
            List<String> lists = optedIn(policy);
            for (String q : questions) {
                List<PhraseMatch> found = POLICIES.get(policy).terms().find(q).stream()
                        .filter(m -> lists.contains(m.list())).toList();
                if (!found.isEmpty()) {
                    refused++;
                    System.out.println("false refusal in " + policy + ": " + q + " -> " + found);
                }
            }
        }
        System.out.printf("leetspeak: %d ordinary clinical questions x %d policies, %d refused%n", questions.size(),
                POLICIES.size(), refused);
        assertEquals(0, refused);
    }

    @Test
    void theCompilerRefusesUnknownAndRepeatedLeetspeakLists() {
        String unknown = """
                {"id": "p", "version": "1", "region": "US", "leetspeak": ["nope"], "termLists": {"t": ["x"]}}""";
        String twice = """
                {"id": "p", "version": "1", "region": "US", "leetspeak": ["t", "t"], "termLists": {"t": ["x"]}}""";
        assertTrue(assertThrows(PolicyException.class, () -> PolicyCompiler.compile("d.json", unknown, "test"))
                .getMessage().contains("unknown term list 'nope'"));
        assertTrue(assertThrows(PolicyException.class, () -> PolicyCompiler.compile("d.json", twice, "test"))
                .getMessage().contains("named twice"));
    }

    @Test
    void aLeetspeakPhraseFoldsToItself() {
        for (String phrase : List.of("High-Decile prescriber", "marketing", "off-label", "top 10", "Ziel")) {
            String read = Leetspeak.phrase(phrase);
            assertEquals(read, Leetspeak.phrase(read), phrase);
        }
        JsonArray sample = DOCUMENTS.get("us").getAsJsonObject("termLists").getAsJsonArray("prescribing-context");
        sample.forEach(p -> assertEquals(Leetspeak.phrase(p.getAsString()),
                Leetspeak.phrase(Leetspeak.phrase(p.getAsString())), p.getAsString()));
    }
}
