package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Folding and walking in one pass ({@link PhraseAutomaton#find(String)}, and
 * {@link PhraseAutomaton#matchesAny(CharSequence, Set)}, which keeps nothing of the folded text) finds exactly what
 * folding first and then scanning the folded text finds: the same occurrences, spans and quoted text, for phrases with and without a
 * trailing '*', in texts with accents as separate marks, look-alikes, invisible characters, characters outside the
 * basic plane and texts longer than the buffers a thread keeps.
 */
class PhraseAutomatonOnePassTest {

    private static final String[] PIECES = {"a", "b", "ab", "ba", "aab", "é", "A", "m", "rn", "0", "o", "ﬁ", "fi",
        "Ab", "\u0301", "ß", "ss", "Ⅻ", "\uD835\uDC00", "ｂ", "ѕ", "s", "x"};
    private static final String[] SEPARATORS = {" ", "-", ". ", "\u200b", "", "\n", "'"};

    @Test
    void findsWhatFoldingFirstFinds() {
        Random random = new Random(20261204);
        for (int round = 0; round < 300; round++) {
            PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
            int phrases = 1 + random.nextInt(30);
            for (int p = 0; p < phrases; p++) {
                String phrase = text(random, 1 + random.nextInt(4)) + (random.nextInt(3) == 0 ? "*" : "");
                if (TextNormalizer.normalize(phrase.replace("*", "")).letters().isEmpty()) {
                    continue;
                }
                builder.add("list" + random.nextInt(3), phrase);
            }
            PhraseAutomaton automaton = builder.build();
            for (int t = 0; t < 10; t++) {
                String text = text(random, random.nextInt(round % 50 == 0 ? 3000 : 40));
                NormalizedText folded = TextNormalizer.normalize(text);
                List<PhraseMatch> expected = automaton.find(folded);
                assertEquals(expected, automaton.find(text), "in \"" + text + "\"");
                assertEquals(automaton.matchesAny(folded), automaton.matchesAny(text, null), "in \"" + text + "\"");
                Set<String> lists = Set.of("list" + random.nextInt(3));
                assertEquals(automaton.matchesAny(folded, lists),
                        automaton.matchesAny(new StringBuilder(text), lists), "in \"" + text + "\"");
                // The thread's buffers are free again: folding after a scan folds as before it.
                assertEquals(TextNormalizer.normalize(text), TextNormalizer.normalize(text));
            }
        }
    }

    @Test
    void anEmptyAutomatonAndAnEmptyTextFindNothing() {
        PhraseAutomaton none = PhraseAutomaton.builder().build();
        assertEquals(List.of(), none.find("market share"));
        PhraseAutomaton one = PhraseAutomaton.builder().add("l", "market share").build();
        assertEquals(List.of(), one.find(""));
        assertEquals(List.of(), one.find("—  …"));
        assertEquals(1, one.find("Market-Share").size());
        assertEquals(true, one.matchesAny("Our marķet\u200b share", null));
        assertEquals(false, one.matchesAny("supermarket share", null));
    }

    private static String text(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) == 0) {
                b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
        }
        return b.toString();
    }
}
