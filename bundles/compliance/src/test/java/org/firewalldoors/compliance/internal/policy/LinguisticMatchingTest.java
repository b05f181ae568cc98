package org.firewalldoors.compliance.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.junit.jupiter.api.Test;

/** Inflections ({@code *}), proximity ({@code ~N}) and clinical-sense exceptions of term lists (issue 15). */
class LinguisticMatchingTest {

    private static List<String> quoted(TermMatcher m, String text, String list) {
        return m.find(text).stream().filter(x -> x.list().equals(list)).map(PhraseMatch::originalText).toList();
    }

    @Test
    void aStarLetsTheLastWordGoOnToTheEndOfItsToken() {
        TermMatcher m = new TermMatcher.Builder().add("ctx", "prescri*", false).add("ctx", "high writ*", false).add("ctx", "part*", false)
                .build();
        assertEquals(List.of("prescribing", "Prescriptions"), quoted(m, "prescribing. Prescriptions", "ctx"));
        assertEquals(List.of("High-Writers"), quoted(m, "one of our High-Writers", "ctx"));
        assertEquals(List.of(), quoted(m, "a nonprescription product", "ctx"), "a star does not start inside a word");
        assertEquals(List.of(), quoted(m, "par trimestre", "ctx"));
        assertEquals(List.of("PRESCRIBING"), quoted(m, "PRESCRIBING", "ctx"));
    }

    @Test
    void aStarPhraseIsReadInLeetspeakToo() {
        TermMatcher m = new TermMatcher.Builder().add("ctx", "prescri*", true).build();
        assertEquals(List.of("pr3scr1bing"), quoted(m, "pr3scr1bing", "ctx"));
    }

    @Test
    void nearFindsBothSidesInEitherOrderWithinSoManyWordsAndQuotesTheWholeSpan() {
        TermMatcher m = new TermMatcher.Builder().add("beh", "increas* ~3 prescri*", false).build();
        assertEquals(List.of("Increase new prescriptions"),
                quoted(m, "Increase new prescriptions of Cardiozan among attendees", "beh"));
        assertEquals(List.of("prescriptions of Cardiozan will increase"),
                quoted(m, "prescriptions of Cardiozan will increase", "beh"));
        assertEquals(List.of(), quoted(m, "Increase awareness of the data on renal safety before prescribing", "beh"));
        assertEquals(List.of(), quoted(m, "increase", "beh"));
    }

    @Test
    void proximityPhrasesSharingASideAreEachFoundAsWrittenAndNoOtherCancelsThem() {
        // One hidden list per distinct side: "increas*" starts three phrases of three lists, one of them an exception.
        TermMatcher m = new TermMatcher.Builder().add("beh", "increas* ~3 prescri*", false)
                .add("share", "increas* ~>1 share", false).add("share", "market ~1 share", false)
                .add("ctx", "increas*", false).addException("ctx", "increas* ~2 dose", false).build();
        String text = "Increase the share of prescriptions. Then later we will increase the dose";
        assertEquals(List.of("Increase the share of prescriptions"), quoted(m, text, "beh"));
        assertEquals(List.of("Increase the share"), quoted(m, text, "share"));
        assertEquals(List.of("Increase"), quoted(m, text, "ctx"), "the exception cancels the second only");
        assertEquals(List.of(), quoted(m, "share: increase", "share"), "~> keeps its order for the side it shares");
        assertEquals(List.of("market share"), quoted(m, "our market share", "share"));
    }

    @Test
    void aRepeatedTextIsScannedOnceAndFindsWhatAFreshScanFinds() {
        TermMatcher m = new TermMatcher.Builder().add("ctx", "call frequen*", true).add("ctx", "market ~1 share", false)
                .build();
        for (String text : List.of("msl Call Frequency", "c4ll fr3quency", "market share", "Visit")) {
            TermMatcher.Scanned once = m.repeated("k" + text, text);
            assertEquals(m.find(org.firewalldoors.compliance.internal.text.TextNormalizer.normalize(text)), once.plain());
            assertEquals(m.find(text), once.withLeetspeak(), text);
            assertTrue(once == m.repeated("k" + text, text), "kept");
        }
        for (int i = 0; i < 5000; i++) {
            assertEquals(List.of(), m.repeated("n" + i, "name" + i).plain());
        }
        assertTrue(m.repeatedKept() <= 4096, "bounded: " + m.repeatedKept());
        assertEquals(List.of("c4ll fr3quency"),
                m.repeated("late", "c4ll fr3quency").withLeetspeak().stream().map(PhraseMatch::originalText).toList(),
                "a text past the bound is still scanned");
    }

    @Test
    void anExceptionCancelsTheMatchesOfItsListInsideIt() {
        TermMatcher m = new TermMatcher.Builder().add("ctx", "target*", false).add("ctx", "switch*", false)
                .add("other", "target", false)
                .addException("ctx", "ldl c target*", false).addException("ctx", "switch* ~2 from", false).build();
        assertEquals(List.of(), quoted(m, "What are the LDL-C targets after ACS?", "ctx"));
        assertEquals(List.of(), quoted(m, "switching patients from warfarin to apixaban", "ctx"));
        assertEquals(List.of("target"), quoted(m, "LDL-C target", "other"), "another list keeps its matches");
        assertEquals(List.of("targets", "switch"), quoted(m, "our targets: switch them all", "ctx"));
    }

    @Test
    void aPolicyDeclaresExceptionsOfItsTermListsOnly() {
        String policy = """
                {"id": "t", "version": "1", "region": "US",
                 "termLists": {"ctx": ["target*"]}, "exceptions": {"ctz": ["drug target*"]}, "rules": []}""";
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyCompiler.compile("t.json", policy, "t"));
        assertTrue(e.getMessage().contains("exceptions.ctz: unknown term list 'ctz'"), e.getMessage());
    }
}
