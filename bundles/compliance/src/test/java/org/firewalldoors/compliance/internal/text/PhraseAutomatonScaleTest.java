package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseAutomatonScaleTest {

    @Test
    void agreesWithBruteForceOnDensePhrases() {
        Random random = new Random(7);
        List<String[]> phrases = new ArrayList<>();
        PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
        for (int i = 0; i < 400; i++) {
            String list = "list" + random.nextInt(5);
            String phrase = words(random, "abc", 1 + random.nextInt(2), 1, 4);
            builder.add(list, phrase);
            phrases.add(new String[] {list, phrase});
        }
        PhraseAutomaton automaton = builder.build();
        for (int round = 0; round < 200; round++) {
            String text = words(random, "abc .", 1, 5, 60);
            NormalizedText normalized = TextNormalizer.normalize(text);
            assertEquals(bruteForce(phrases, normalized), new HashSet<>(automaton.find(normalized)), text);
        }
    }

    @Test
    void findsPlantedPhrasesAmongThreeHundredListsOfAThousand() {
        Random random = new Random(42);
        List<List<String>> lists = new ArrayList<>();
        PhraseAutomaton.Builder builder = PhraseAutomaton.builder();
        for (int l = 0; l < 300; l++) {
            Set<String> phrases = new LinkedHashSet<>();
            while (phrases.size() < 1000) {
                phrases.add(words(random, "abcdefghijklmnopqrstuvw", 1 + random.nextInt(3), 4, 10));
            }
            lists.add(List.copyOf(phrases));
            builder.addAll("list-" + l, phrases);
        }
        PhraseAutomaton automaton = builder.build();
        assertEquals(300, automaton.lists().size());

        StringBuilder text = new StringBuilder();
        Set<PhraseMatch> planted = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int l = random.nextInt(300);
            String phrase = lists.get(l).get(random.nextInt(1000));
            String variant = evade(random, phrase);
            text.append("xyz ");
            planted.add(new PhraseMatch("list-" + l, phrase, text.length(), text.length() + variant.length(), variant));
            text.append(variant).append(random.nextBoolean() ? " " : ", ");
        }
        List<PhraseMatch> found = automaton.find(TextNormalizer.normalize(text.toString()));

        assertTrue(found.containsAll(planted));
        for (PhraseMatch m : found) {
            // Anything else found is a real occurrence, for example one word of a planted phrase.
            assertEquals(text.substring(m.start(), m.end()), m.originalText());
            assertEquals(TextNormalizer.normalize(m.phrase()).letters(),
                    TextNormalizer.normalize(m.originalText()).letters());
        }
    }

    private static Set<PhraseMatch> bruteForce(List<String[]> phrases, NormalizedText text) {
        Set<PhraseMatch> matches = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String[] p : phrases) {
            String key = TextNormalizer.normalize(p[1]).letters();
            if (!seen.add(p[0] + "\u0000" + key)) {
                continue;
            }
            for (int i = text.letters().indexOf(key); i >= 0; i = text.letters().indexOf(key, i + 1)) {
                int last = i + key.length() - 1;
                if (text.tokenStartsAt(i) && text.tokenEndsAt(last)) {
                    int from = text.originalStart(i);
                    int to = text.originalEnd(last);
                    matches.add(new PhraseMatch(p[0], p[1], from, to, text.original().substring(from, to)));
                }
            }
        }
        return matches;
    }

    private static String words(Random random, String alphabet, int count, int minLength, int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                s.append(' ');
            }
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }

    /** Upper case, Cyrillic look-alikes and separators or invisible characters between letters. */
    private static String evade(Random random, String phrase) {
        String latin = "aeocp";
        String cyrillic = "\u0430\u0435\u043E\u0441\u0440";
        String[] inserts = {" ", "-", ".", "\u200B", "\u00AD"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            int k = latin.indexOf(c);
            if (k >= 0 && random.nextInt(3) == 0) {
                s.append(cyrillic.charAt(k));
            } else {
                s.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
            }
            if (i < phrase.length() - 1 && c != ' ' && random.nextInt(5) == 0) {
                s.append(inserts[random.nextInt(inserts.length)]);
            }
        }
        return s.toString();
    }
}
