package org.firewalldoors.compliance.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.junit.jupiter.api.Test;

/**
 * Pairing the sides of proximity phrases by position: the same pairs as trying every match against every other
 * (the definition: B starts after A ends, or ends before A starts, with at most N words between), and work that grows
 * with the matches, not with their square (a text of one side phrase repeated was a way to hold a thread for
 * seconds).
 */
class PairingTest {

    /** The words of a text as matches of list "a" (the word "top") and "b" (the word "in"), in text order. */
    private static List<PhraseMatch> matches(String text) {
        List<PhraseMatch> out = new ArrayList<>();
        for (String list : List.of("a", "b")) {
            String word = list.equals("a") ? "top" : "in";
            for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
                boolean starts = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                int end = i + word.length();
                boolean ends = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (starts && ends) {
                    out.add(new PhraseMatch(list, word, i, end, word));
                }
            }
        }
        out.sort(Comparator.comparingInt(PhraseMatch::start).thenComparingInt(PhraseMatch::end));
        return out;
    }

    /** The definition, word by word. */
    private static int words(String text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    @Test
    void findsWhatTryingEveryPairFinds() {
        Random random = new Random(15);
        String[] vocabulary = { "top", "in", "the", "10%", "of", "prescribers", "top-in", "in.", "x", "" };
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            for (int w = random.nextInt(40); w > 0; w--) {
                b.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
            }
            String text = b.toString();
            List<PhraseMatch> found = matches(text);
            Pairing pairing = new Pairing(text, found);
            int within = random.nextInt(4);
            for (PhraseMatch a : found) {
                if (!a.list().equals("a")) {
                    continue;
                }
                List<PhraseMatch> after = new ArrayList<>();
                List<PhraseMatch> before = new ArrayList<>();
                for (PhraseMatch m : found) {
                    if (m.list().equals("b") && m.start() >= a.end() && words(text, a.end(), m.start()) <= within) {
                        after.add(m);
                    }
                    if (m.list().equals("b") && m.end() <= a.start() && words(text, m.end(), a.start()) <= within) {
                        before.add(m);
                    }
                }
                assertEquals(after, pairing.after(a, "b", within), text + " after " + a);
                List<PhraseMatch> got = new ArrayList<>(pairing.before(a, "b", within));
                got.sort(Comparator.comparingInt(PhraseMatch::start));
                assertEquals(before, got, text + " before " + a);
            }
            for (int from = 0; from < text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    assertEquals(words(text, from, to), pairing.wordsBetween(from, to), text + " [" + from + "," + to);
                }
            }
        }
    }

    @Test
    void looksAtAFewMatchesPerSideHoweverLongTheText() {
        for (int units : new int[] { 100, 4000 }) {
            String text = "top 10% in ".repeat(units);
            List<PhraseMatch> found = matches(text);
            Pairing pairing = new Pairing(text, found);
            int pairs = 0;
            for (PhraseMatch a : found) {
                if (a.list().equals("a")) {
                    pairs += pairing.after(a, "b", 4).size() + pairing.before(a, "b", 4).size();
                }
            }
            assertEquals(units * 4 - 4, pairs, "each top pairs with the two ins after it and the two before it (within 4 words)");
            assertTrue(pairing.examined() <= 3L * (found.size() + pairs),
                    units + " units: " + pairing.examined() + " matches looked at for " + found.size() + " matches");
        }
    }

    @Test
    void anExceptionCancelsWhatLiesInsideOneOfItsSpans() {
        Pairing.Covering covering = new Pairing.Covering(List.of(new PhraseMatch("x", "p", 10, 20, "a".repeat(10)),
                new PhraseMatch("x", "p", 0, 5, "a".repeat(5)), new PhraseMatch("x", "p", 12, 30, "a".repeat(18))));
        assertTrue(covering.covers(new PhraseMatch("l", "q", 0, 5, "a".repeat(5))));
        assertTrue(covering.covers(new PhraseMatch("l", "q", 13, 29, "a".repeat(16))));
        assertTrue(!covering.covers(new PhraseMatch("l", "q", 4, 11, "a".repeat(7))));
        assertTrue(!covering.covers(new PhraseMatch("l", "q", 25, 31, "a".repeat(6))));
        assertTrue(!new Pairing.Covering(List.of()).covers(new PhraseMatch("l", "q", 0, 1, "a")));
    }
}
