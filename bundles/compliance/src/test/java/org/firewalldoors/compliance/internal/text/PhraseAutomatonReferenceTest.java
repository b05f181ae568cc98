package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The automaton's scan against the definition it implements, on random phrases and texts over a small
 * alphabet (so that phrases overlap, nest and share prefixes across token boundaries): an occurrence is
 * a folded phrase equal to the letters from a token start to a token end. Also: the fast path of the
 * folding gives what the general path gives, and the public constructor of a folded text copies.
 */
class PhraseAutomatonReferenceTest {

    private static final String[] PIECES = {"a", "b", "ab", "ba", "aab", "é", "A", "m", "rn", "0", "o", "ﬁ", "fi",
        "Ab", "\u0301"};
    private static final String[] SEPARATORS = {" ", "-", ". ", "\u200b", ""};

    @Test
    void findsExactlyTheOccurrencesOfTheDefinition() {
        Random random = new Random(20261125);
        for (int round = 0; round < 300; round++) {
            PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
            Map<String, Set<String>> keys = new HashMap<>(); // folded key -> lists
            Map<String, String> firstPhrase = new HashMap<>(); // list + key -> phrase as first written
            int phrases = 1 + random.nextInt(25);
            for (int p = 0; p < phrases; p++) {
                String list = "list" + random.nextInt(3);
                String phrase = text(random, 1 + random.nextInt(4));
                String key = TextNormalizer.normalize(phrase).letters();
                if (key.isEmpty()) {
                    continue;
                }
                builder.add(list, phrase);
                keys.computeIfAbsent(key, k -> new HashSet<>()).add(list);
                firstPhrase.putIfAbsent(list + "\u0000" + key, phrase);
            }
            PhraseAutomaton automaton = builder.build();
            for (int t = 0; t < 10; t++) {
                NormalizedText text = TextNormalizer.normalize(text(random, random.nextInt(30)));
                List<String> expected = new ArrayList<>();
                String letters = text.letters();
                for (int from = 0; from < letters.length(); from++) {
                    for (int to = from; to < letters.length(); to++) {
                        if (!text.tokenStartsAt(from) || !text.tokenEndsAt(to)) {
                            continue;
                        }
                        String key = letters.substring(from, to + 1);
                        for (String list : keys.getOrDefault(key, Set.of())) {
                            int a = text.originalStart(from);
                            int b = text.originalEnd(to);
                            expected.add(new PhraseMatch(list, firstPhrase.get(list + "\u0000" + key), a, b,
                                    text.original().substring(a, b)).toString());
                        }
                    }
                }
                List<String> found = automaton.find(text).stream().map(PhraseMatch::toString).sorted().toList();
                assertEquals(expected.stream().sorted().toList(), found, "in \"" + text.original() + "\"");
                assertEquals(!expected.isEmpty(), automaton.matchesAny(text), "in \"" + text.original() + "\"");
            }
        }
    }

    @Test
    void theFastPathFoldsAsTheGeneralPath() {
        for (int c = 0; c < CharFolding.SIMPLE_END; c++) {
            char simple = CharFolding.simple(c);
            String folded = CharFolding.fold(c);
            if (simple == CharFolding.SIMPLE_SEPARATOR) {
                assertEquals(String.valueOf(CharFolding.SEPARATOR), folded, "U+" + Integer.toHexString(c));
            } else if (simple != CharFolding.NOT_SIMPLE) {
                assertEquals(String.valueOf(simple), folded, "U+" + Integer.toHexString(c));
            } else {
                assertEquals(true, folded.length() != 1, "U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void thePublicConstructorCopies() {
        int[] starts = {0, 1};
        int[] ends = {1, 2};
        BitSet tokenStarts = new BitSet();
        tokenStarts.set(0);
        BitSet tokenEnds = new BitSet();
        tokenEnds.set(1);
        NormalizedText text = new NormalizedText("ab", "ab", starts, ends, tokenStarts, tokenEnds);
        starts[0] = 5;
        tokenStarts.set(1);
        assertEquals(0, text.originalStart(0));
        assertEquals(false, text.tokenStartsAt(1));
        assertNotSame(text.starts(), text.starts());
        assertEquals(text, TextNormalizer.normalize("ab"));
    }

    @Test
    void reusedBuffersLeaveNothingBehind() {
        String many = "ab cd ".repeat(20_000); // beyond what a thread keeps between texts
        for (String text : List.of("abcdefgh ".repeat(40), many, "x", "ab cd ".repeat(300), "y z", many, "q")) {
            NormalizedText t = TextNormalizer.normalize(text);
            String[] tokens = text.trim().split(" +");
            assertEquals(String.join("", tokens), t.letters());
            assertEquals(tokens.length, t.tokenStarts().cardinality(), "token starts of a text of " + text.length());
            assertEquals(tokens.length, t.tokenEnds().cardinality(), "token ends of a text of " + text.length());
            assertEquals(t.length() - tokens[tokens.length - 1].length(), t.tokenStarts().previousSetBit(t.length()));
        }
    }

    private static String text(Random random, int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) == 0) {
                s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
        }
        return s.toString();
    }
}
