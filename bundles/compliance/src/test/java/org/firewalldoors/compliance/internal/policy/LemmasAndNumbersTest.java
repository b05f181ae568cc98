package org.firewalldoors.compliance.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.junit.jupiter.api.Test;

/** Lemmas ({@code ~word}, Snowball stemmers) and number patterns ({@code #}) of term lists (issue 15). */
class LemmasAndNumbersTest {

    private static List<String> quoted(TermMatcher m, String text) {
        return m.find(text).stream().map(PhraseMatch::originalText).toList();
    }

    private static List<String> phrases(TermMatcher m, String text) {
        return m.find(text).stream().map(PhraseMatch::phrase).toList();
    }

    @Test
    void aLemmaFindsEveryInflectionOfItsWordAndQuotesItAsWritten() {
        TermMatcher m = new TermMatcher.Builder().add("ctx", "top ~prescriber", false).build();
        assertEquals(List.of("top prescribers"), quoted(m, "Ask our top prescribers about it"));
        assertEquals(List.of("Top-Prescriber"), quoted(m, "the Top-Prescriber list"));
        assertEquals(List.of("top ~prescriber"), phrases(m, "top prescribers"), "a finding names the policy's phrase");
        assertEquals(List.of(), quoted(m, "top prescription errors"), "another lemma (prescript) is not this one");
        assertEquals(List.of(), quoted(m, "top prescient remarks"), "a word with the same start is not the lemma");
    }

    @Test
    void aLemmaIsStemmedInItsLanguage() {
        TermMatcher m = new TermMatcher.Builder().add("de", "~de:verordnung", false).add("fr", "~fr:prescripteur", false)
                .add("es", "~es:receta", false).add("it", "~it:prescrittore", false).add("nl", "~nl:voorschrijver", false)
                .build();
        assertEquals(List.of("Verordnungen"), quoted(m, "mehr Verordnungen im Quartal"));
        assertEquals(List.of("prescripteurs"), quoted(m, "les gros prescripteurs"));
        assertEquals(List.of("recetas"), quoted(m, "más recetas"));
        assertEquals(List.of("prescrittori"), quoted(m, "i prescrittori"));
        assertEquals(List.of("voorschrijvers"), quoted(m, "de voorschrijvers"));
    }

    @Test
    void aLemmaIsASideOfAProximityPhraseAndReadInLeetspeakWhenItsListIs() {
        TermMatcher m = new TermMatcher.Builder().add("beh", "~increase ~3 ~prescription", true).build();
        assertEquals(List.of("increasing new prescriptions"), quoted(m, "increasing new prescriptions of it"));
        assertEquals(List.of("1ncreased pr3scriptions"), quoted(m, "1ncreased pr3scriptions"));
    }

    @Test
    void aLemmaThatSharesTooFewLettersWithItsStemOrNamesAnUnknownLanguageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TermMatcher.Builder().add("x", "~be", false));
        assertThrows(IllegalArgumentException.class, () -> new TermMatcher.Builder().add("x", "~xx:word", false));
        assertThrows(IllegalArgumentException.class, () -> new TermMatcher.Builder().add("x", "~top prescriber", false));
        assertThrows(IllegalArgumentException.class, () -> new TermMatcher.Builder().add("x", "decile* of baseline", false),
                "a '*' inside a phrase would be read as a separator");
        assertThrows(IllegalArgumentException.class, () -> new TermMatcher.Builder().add("x", "a ~2 b ~3 c", false));
    }

    @Test
    void aNumberPatternFindsAnyNumberWhereItsHashIs() {
        TermMatcher m = new TermMatcher.Builder().add("n", "top #%", false).add("n", "d#", false)
                .add("n", "# scripts*", false).add("n", "q# quota*", false).build();
        assertEquals(List.of("top 10%"), quoted(m, "only the top 10% of writers"));
        assertEquals(List.of("Top 5 %"), quoted(m, "Top 5 % des médecins"));
        assertEquals(List.of("D10"), quoted(m, "Dr Okafor is a D10"));
        assertEquals(List.of("40 scripts"), quoted(m, "needs 40 scripts/mo"));
        assertEquals(List.of("Q3 quota"), quoted(m, "for the Q3 quota"));
        assertEquals(List.of(), quoted(m, "the top 10 questions"), "no percent sign");
        assertEquals(List.of(), quoted(m, "vitamin D 1000 IU daily"), "written apart is not d#");
        assertEquals(List.of(), quoted(m, "a dose of 40 mg"));
        assertEquals(List.of(), quoted(m, "Dr. 3f2a10c4-d876-4b1e-9a0e-1c2d3e4f5a6b"),
                "a decile has one or two digits: d876 is part of an identifier (an itest's random name once was)");
        assertEquals(List.of("q3 quota"), quoted(m, "the q3 quota"));
        assertEquals(List.of(), quoted(m, "the q300 quota"));
        assertEquals(List.of(), quoted(m, "the D10 dextrose infusion".replace("D10", "Dx")));
    }

    @Test
    void aNumberPatternHasClinicalExceptionsLikeAnyPhrase() {
        TermMatcher m = new TermMatcher.Builder().add("n", "top #%", false)
                .addException("n", "top #% ~>3 ~patient", false).build();
        assertEquals(List.of(), quoted(m, "the top 10% of patients by baseline LDL"));
        assertEquals(List.of("top 10%"), quoted(m, "the top 10% of prescribers"));
    }

    @Test
    void aListOptedIntoTyposFindsALetterDroppedOrTwoSwappedInALongWordButNotInItsFirstLetterOrShortWords() {
        TermMatcher m = new TermMatcher.Builder().typos("ctx").add("ctx", "target list", false)
                .add("ctx", "prescri*", false).add("ctx", "switch* ~>3 patients", false)
                .add("ctx", "plans", false).addException("ctx", "switch* ~>3 from", false).build();
        assertEquals(List.of("taret list"), quoted(m, "He is on our taret list"));
        assertEquals(List.of("target list"), phrases(m, "He is on our taret list"), "the finding names the phrase");
        assertEquals(List.of("prescibers"), quoted(m, "Top prescibers"));
        assertEquals(List.of("swicth his patients"), quoted(m, "told me he'll swicth his patients"));
        assertEquals(List.of(), quoted(m, "he is on our arget list"), "the first letter is never dropped");
        assertEquals(List.of(), quoted(m, "the pans"), "a short word is never read as mistyped");
        assertEquals(List.of(), quoted(m, "swicthing patients from warfarin"), "exceptions are read with typos too");
        assertEquals(List.of(), quoted(new TermMatcher.Builder().add("ctx", "target list", false).build(),
                "taret list"), "only a list opted in");
    }

    @Test
    void aTypoNeverSpellsAnotherFormOfTheSameWord() {
        // The load test's clinical question was refused for "target" once typos read "targets" less its "s".
        TermMatcher m = new TermMatcher.Builder().typos("ctx").add("ctx", "targets", false)
                .add("ctx", "quotas", false).add("ctx", "switched", false).build();
        assertEquals(List.of(), quoted(m, "How does the active metabolite reach the target receptor?"));
        assertEquals(List.of(), quoted(m, "a quota of one"), "a singular is no typo of its plural");
        assertEquals(List.of(), quoted(m, "when to switch"), "nor a verb's other form");
        assertEquals(List.of("tagrets"), quoted(m, "our tagrets this month"), "a real typo still counts");
        assertEquals(List.of("swicthed"), quoted(m, "he swicthed them"));
    }
    @Test
    void aPhrasesTyposAreTheSameWhetherItsWordsWereMisspeltForAnotherPhraseBefore() {
        // A compile keeps each word's misspellings for the next phrase that has the word.
        Map<String, List<String>> shared = new HashMap<>();
        for (String phrase : List.of("ranking list", "top ranking", "ranking*", "clinic ranking", "market share",
                "share of market")) {
            List<String> alone = Typos.variants(phrase);
            assertEquals(alone, Typos.variants(phrase, shared), phrase);
            assertEquals(alone, Typos.variants(phrase, shared), phrase + ", read again");
        }
        assertTrue(Typos.variants("ranking list").contains("rakning list"));
        assertFalse(Typos.variants("ranking list").contains("rnaking list"),
                "a typo that makes a word start like another letter (rn, m) is dropped");
        assertTrue(Typos.variants("clinic ranking").contains("clinic rnaking"),
                "unless the phrase has such a word itself");
    }
}
