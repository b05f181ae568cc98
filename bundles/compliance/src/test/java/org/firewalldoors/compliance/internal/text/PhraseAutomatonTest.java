package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhraseAutomatonTest {

    private static final String COMMERCIAL = "commercial-intent";
    private static final String PROMOTIONAL = "promotional";

    private static final PhraseAutomaton AUTOMATON = PhraseAutomaton.builder()
            .addAll(COMMERCIAL, List.of("decile", "target list", "targets", "market share", "script volume", "switch",
                    "convert", "scrip", "top prescribers"))
            .addAll(PROMOTIONAL, List.of("off-label", "free samples", "speaker fee"))
            .build();

    static Stream<Arguments> evasions() {
        return Stream.of(
                // case
                Arguments.of("DeCiLe", "decile"),
                Arguments.of("DECILE", "decile"),
                // spacing and punctuation inside
                Arguments.of("d e c i l e", "decile"),
                Arguments.of("de-cile", "decile"),
                Arguments.of("d.e.c.i.l.e", "decile"),
                Arguments.of("d_e_c_i_l_e", "decile"),
                Arguments.of("de\u2013cile", "decile"),
                Arguments.of("m.a.r.k.e.t s h a r e", "market share"),
                Arguments.of("Market-Share", "market share"),
                Arguments.of("market\n\nshare", "market share"),
                Arguments.of("MARKET   SHARE", "market share"),
                Arguments.of("marketshare", "market share"),
                Arguments.of("c o n v e r t", "convert"),
                // accents, precomposed and combining
                Arguments.of("décile", "decile"),
                Arguments.of("de\u0301cile", "decile"),
                Arguments.of("decile\u0301", "decile"),
                Arguments.of("swîtch", "switch"),
                // full-width and mathematical letters
                Arguments.of("ｄｅｃｉｌｅ", "decile"),
                Arguments.of("ｍａｒｋｅｔ　ｓｈａｒｅ", "market share"),
                Arguments.of("\uD835\uDC1D\uD835\uDC1E\uD835\uDC1C\uD835\uDC22\uD835\uDC25\uD835\uDC1E", "decile"),
                // zero-width and other invisible characters inside
                Arguments.of("de\u200Bcile", "decile"),
                Arguments.of("de\u00ADcile", "decile"),
                Arguments.of("d\u200De\u200Ccile", "decile"),
                Arguments.of("swi\uFEFFtch", "switch"),
                // look-alikes: Cyrillic с е о р а і, Greek ο, capitals of both
                Arguments.of("s\u0441ript volume", "script volume"),
                Arguments.of("scri\u0440t v\u03BFlume", "script volume"),
                Arguments.of("\u0405\u0421RI\u0420\u0422 VOLUME", "script volume"),
                Arguments.of("\u0441\u043Envert", "convert"),
                Arguments.of("c\u03BFnv\u0435rt", "convert"),
                Arguments.of("scr\u0456\u0440", "scrip"),
                Arguments.of("t\u0430rg\u0435ts", "targets"),
                Arguments.of("sw\u0456tch", "switch"),
                Arguments.of("SW\u0399TCH", "switch"),
                Arguments.of("T\u0410RG\u0415T L\u0406ST", "target list"),
                // look-alikes within ASCII
                Arguments.of("rnarket share", "market share"),
                Arguments.of("c0nvert", "convert"),
                // combinations
                Arguments.of("Ｄ-\u0435-c\u200B-í-l-Ｅ", "decile"),
                Arguments.of("M\u0410RK\u0415T\u00AD \u0405HARE", "market share"),
                Arguments.of("s.\u0441.r.i.p.t  v.\u03BF.l.u\u0308.m.e", "script volume"),
                Arguments.of("T\u200Bo\u0301p-ＰＲＥＳＣＲＩＢＥＲＳ", "top prescribers"),
                Arguments.of("0ff\u2011lab\u0435l", "off-label"),
                Arguments.of("Fr\u0435e  \u0455amples", "free samples"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evasions")
    void catchesEveryVariantAndReportsItsOriginalSpan(String variant, String phrase) {
        String prefix = "Please move Dr Alvarez up: ";
        String text = prefix + variant + ", before Friday.";
        List<PhraseMatch> matches = AUTOMATON.find(TextNormalizer.normalize(text));
        List<PhraseMatch> ofPhrase = matches.stream().filter(m -> m.phrase().equals(phrase)).toList();
        assertEquals(1, ofPhrase.size(), matches::toString);
        PhraseMatch m = ofPhrase.get(0);
        assertEquals(variant, m.originalText());
        assertEquals(prefix.length(), m.start());
        assertEquals(prefix.length() + variant.length(), m.end());
        assertEquals(m.originalText(), text.substring(m.start(), m.end()));
        // Spelled out letter by letter, a shorter phrase inside may match too, but nothing outside the variant.
        assertTrue(matches.stream().allMatch(o -> o.start() >= m.start() && o.end() <= m.end()), matches::toString);
        assertTrue(AUTOMATON.matchesAny(TextNormalizer.normalize(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Patient started targeted therapy with osimertinib after EGFR mutation testing.",
        "Hepatic conversion of the prodrug clopidogrel to its active metabolite is reduced in CYP2C19 poor metabolizers.",
        "The night nurse called the hospital switchboard to reach the on-call cardiologist.",
        "The patient's share of cost for the infusion was reviewed with the specialty pharmacy.",
        "The pacemaker was switched-on at 60 bpm and interrogated without issues; switches of lead polarity were not needed.",
        "Adherence was assessed by prescription refill records and pill counts.",
        "A transcript of the tumour board discussion was filed in the chart.",
        "Dermatology noted targetoid lesions consistent with erythema multiforme.",
        "Conversion to sinus rhythm was achieved after electrical cardioversion; she converted spontaneously once before.",
        "The therapeutic target range for INR is 2.0 to 3.0; the lowest tertile of adherence had more events.",
        "Blood pressure 128/82 mmHg, heart rate 74/min, SpO2 97% on room air, temperature 36.9 °C.",
        "Market research is outside this safety report; the volume of distribution was 0.7 L/kg.",
        "Free-text comments: samples were sent to the lab and she is free of symptoms.",
        "Avoid witch hazel on broken skin; this is witch hazel-free gauze.",
        "Dose was labelled off, then re-labelled by pharmacy; the speaker of the family declined a fee waiver.",
    })
    void leavesOrdinaryClinicalTextAlone(String sentence) {
        NormalizedText text = TextNormalizer.normalize(sentence);
        assertEquals(List.of(), AUTOMATON.find(text));
        assertFalse(AUTOMATON.matchesAny(text));
    }

    @Test
    void matchesWholeTokensOnly() {
        assertNoMatch("switchboard");
        assertNoMatch("is witch");
        assertNoMatch("switched-on");
        assertNoMatch("switches");
        assertNoMatch("uptargets");
        assertEquals(List.of("switch"), phrases("switch-on"));
        assertEquals(List.of("switch"), phrases("(switch)"));
        assertEquals(List.of("switch"), phrases("swit ch"));
        assertEquals(List.of("targets"), phrases("the target's list"));
    }

    @Test
    void inflectionsMatchOnlyWhenListed() {
        assertNoMatch("They converted three accounts.");
        PhraseAutomaton withInflections = PhraseAutomaton.builder()
                .addAll(COMMERCIAL, List.of("convert", "converted", "converts", "converting")).build();
        List<PhraseMatch> matches = withInflections.find(TextNormalizer.normalize("They converted three accounts."));
        assertEquals(List.of(new PhraseMatch(COMMERCIAL, "converted", 5, 14, "converted")), matches);
    }

    @Test
    void reportsOverlappingPhrasesAndEveryListHavingThem() {
        PhraseAutomaton automaton = PhraseAutomaton.builder()
                .add("a", "target list").add("a", "target").add("b", "list").add("b", "Target").build();
        String text = "Send the Target List.";
        assertEquals(List.of(
                new PhraseMatch("a", "target", 9, 15, "Target"),
                new PhraseMatch("b", "Target", 9, 15, "Target"),
                new PhraseMatch("a", "target list", 9, 20, "Target List"),
                new PhraseMatch("b", "list", 16, 20, "List")),
                automaton.find(TextNormalizer.normalize(text)));
        assertEquals(List.of("a", "b"), automaton.lists());
    }

    @Test
    void reportsAPhraseWrittenTwiceInOneListOnce() {
        PhraseAutomaton automaton = PhraseAutomaton.builder().add("a", "Décile").add("a", "decile").build();
        assertEquals(List.of(new PhraseMatch("a", "Décile", 0, 6, "DECILE")),
                automaton.find(TextNormalizer.normalize("DECILE")));
    }

    @Test
    void looksOnlyInTheListsAskedFor() {
        NormalizedText text = TextNormalizer.normalize("Bring free samples for the top prescribers.");
        assertEquals(2, AUTOMATON.find(text).size());
        assertEquals(List.of("free samples"),
                AUTOMATON.find(text, Set.of(PROMOTIONAL)).stream().map(PhraseMatch::phrase).toList());
        assertTrue(AUTOMATON.matchesAny(text, Set.of(COMMERCIAL)));
        assertFalse(AUTOMATON.matchesAny(text, Set.of()));
        assertFalse(AUTOMATON.matchesAny(text, Set.of("unknown")));
        assertFalse(AUTOMATON.matchesAny(TextNormalizer.normalize("free of samples"), Set.of(PROMOTIONAL)));
    }

    @Test
    void rejectsAPhraseWithoutLettersNamingListAndPhrase() {
        PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.add("promo", " -- "));
        assertTrue(e.getMessage().contains("promo") && e.getMessage().contains("\" -- \""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.add("promo", "\u200B\u00AD"));
        assertThrows(NullPointerException.class, () -> builder.add(null, "x"));
    }

    @Test
    void anEmptyAutomatonFindsNothing() {
        PhraseAutomaton empty = PhraseAutomaton.builder().build();
        assertEquals(List.of(), empty.find(TextNormalizer.normalize("decile market share")));
        assertFalse(empty.matchesAny(TextNormalizer.normalize("")));
        assertEquals(1, empty.stateCount());
    }

    private static void assertNoMatch(String text) {
        assertEquals(List.of(), AUTOMATON.find(TextNormalizer.normalize(text)), text);
    }

    private static List<String> phrases(String text) {
        return AUTOMATON.find(TextNormalizer.normalize(text)).stream().map(PhraseMatch::phrase).toList();
    }
}
