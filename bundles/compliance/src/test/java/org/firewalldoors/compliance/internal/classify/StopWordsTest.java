package org.firewalldoors.compliance.internal.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Function words are no features of the classifier, so a finding never quotes "he" or "to" (issue 15). */
class StopWordsTest {

    private static List<String> features(String text) {
        List<String> out = new ArrayList<>();
        NGrams.scan(text, (bucket, start, end) -> out.add(text.substring(start, end)));
        return out;
    }

    @Test
    void aFunctionWordIsNoFeatureAloneNorWithAnotherFunctionWord() {
        assertEquals(List.of(), features("he is on to the"));
        assertEquals(List.of(), features("Er ist an der"));
        assertEquals(List.of(), features("il est sur les"));
        for (String w : StopWords.words()) {
            assertTrue(StopWords.contains(NGrams.wordHash(w)), w);
        }
    }

    @Test
    void aFunctionWordBesideAnotherWordStillMakesAPair() {
        List<String> f = features("our MSL");
        assertTrue(f.contains("our MSL"), f.toString());
        assertTrue(f.contains("MSL"), f.toString());
        assertTrue(!f.contains("our"), f.toString());
    }
}
