package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every phrase of every term list of the shipped policies, disguised every way X4 names, is caught; a corpus
 * of ordinary clinical questions is not refused.
 */
class EvasionCorpusTest {

    private static final Map<Character, String> HOMOGLYPHS = Map.of('a', "\u0430", 'e', "\u0435", 'o', "\u043E",
            'p', "\u0440", 'c', "\u0441", 'x', "\u0445", 'y', "\u0443", 'i', "\u0456", 's', "\u0455", 'n', "\u03B7");

    private static final List<UnaryOperator<String>> DISGUISES = List.of(
            String::toUpperCase,
            s -> s.length() > 1 ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s,
            s -> join(s, " "),
            s -> join(s, "."),
            s -> join(s, "-"),
            s -> join(s, "_ "),
            s -> join(s, "\u200D"),
            s -> join(s, "\u200B"),
            s -> join(s, "\u00AD"),
            EvasionCorpusTest::accented,
            EvasionCorpusTest::fullWidth,
            EvasionCorpusTest::homoglyphs,
            s -> homoglyphs(join(s.toUpperCase(), "\u200B")),
            s -> fullWidth(join(accented(s), " ")));

    static Stream<Path> policies() throws IOException {
        return Stream.of("policy-us/src/main/resources/policy/us.json", "policy-eu/src/main/resources/policy/eu.json")
                .map(p -> Path.of("..", p)).filter(Files::isRegularFile);
    }

    private static String join(String s, String separator) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (b.length() > 0 && cp != ' ') {
                b.append(separator);
            }
            b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static String accented(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c);
            if ("aeiouAEIOU".indexOf(c) >= 0) {
                b.append('\u0301');
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(cp >= '!' && cp <= '~' ? cp - '!' + 0xFF01 : cp));
        return b.toString();
    }

    private static String homoglyphs(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(HOMOGLYPHS.getOrDefault(c, String.valueOf(c)));
        }
        return b.toString();
    }

    @Test
    void everyDisguisedPhraseOfEveryPolicyIsCaught() throws IOException {
        int tried = 0;
        List<String> missed = new ArrayList<>();
        List<Path> files = policies().toList();
        assertTrue(!files.isEmpty());
        for (Path file : files) {
            JsonObject lists = new Gson().fromJson(Files.readString(file), JsonObject.class).getAsJsonObject("termLists");
            PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
            lists.entrySet().forEach(e -> e.getValue().getAsJsonArray().forEach(p -> builder.add(e.getKey(), p.getAsString())));
            PhraseAutomaton automaton = builder.build();
            for (Map.Entry<String, com.google.gson.JsonElement> list : lists.entrySet()) {
                for (var phrase : list.getValue().getAsJsonArray()) {
                    for (UnaryOperator<String> disguise : DISGUISES) {
                        String variant = disguise.apply(phrase.getAsString());
                        String text = "Note from the field: " + variant + ", as discussed.";
                        tried++;
                        boolean caught = automaton.find(TextNormalizer.normalize(text)).stream()
                                .anyMatch(m -> m.list().equals(list.getKey()));
                        if (!caught) {
                            missed.add(file.getFileName() + " " + list.getKey() + ": " + variant);
                        }
                    }
                }
            }
        }
        System.out.printf("evasion: %d disguised phrases tried, %d caught, %d missed%n", tried, tried - missed.size(),
                missed.size());
        assertEquals(List.of(), missed);
    }

    @Test
    void ordinaryClinicalQuestionsAreNotRefused() throws IOException {
        List<String> questions = List.of(
                "What is the half-life of the drug in patients with moderate renal impairment?",
                "Is there data on use during pregnancy or lactation?",
                "How does the mechanism of action differ from other PCSK9 inhibitors?",
                "What were the primary and secondary endpoints of the phase 3 trial?",
                "Are there interaction studies with strong CYP3A4 inhibitors?",
                "What is known about efficacy in patients over 75 years of age?",
                "Can the tablet be crushed for patients with dysphagia?",
                "What was the incidence of hepatic enzyme elevation in the open-label extension?",
                "Is there real-world evidence from the registry on long-term outcomes?",
                "How was the subgroup analysis for diabetic patients pre-specified?",
                "What dose adjustment is recommended for hepatic impairment Child-Pugh B?",
                "Are there pharmacokinetic data in paediatric patients?",
                "What is the recommended washout period before starting therapy?",
                "How does the targeted therapy affect the tumour microenvironment?",
                "Which biomarkers predicted response in the exploratory analysis?",
                "What is the cost-effectiveness estimate used in the health technology assessment?",
                "Was quality of life measured with a validated instrument?",
                "What are the storage conditions once the vial is opened?",
                "Is there evidence for use in heart failure with preserved ejection fraction?",
                "What were the discontinuation rates due to adverse events in the pivotal study?",
                "Welche Daten gibt es zur Anwendung bei Niereninsuffizienz?",
                "Quelles sont les données chez les patients âgés de plus de 80 ans ?",
                "How many patients were enrolled in the long-term safety cohort?",
                "Could you share the published forest plot of the primary endpoint?",
                "What is the rationale for the loading dose in the label?");
        int refused = 0;
        for (Path file : policies().toList()) {
            JsonObject lists = new Gson().fromJson(Files.readString(file), JsonObject.class).getAsJsonObject("termLists");
            PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
            for (String name : List.of("prescribing-context", "prescribing-intent")) {
                if (lists.has(name)) {
                    lists.getAsJsonArray(name).forEach(p -> builder.add(name, p.getAsString()));
                }
            }
            PhraseAutomaton automaton = builder.build();
            for (String q : questions) {
                List<PhraseMatch> found = automaton.find(TextNormalizer.normalize(q));
                if (!found.isEmpty()) {
                    refused++;
                    System.out.println("false refusal in " + file.getFileName() + ": " + q + " -> " + found);
                }
            }
        }
        System.out.printf("evasion: %d ordinary clinical questions, %d refused%n", questions.size(), refused);
        assertEquals(0, refused);
    }
}
