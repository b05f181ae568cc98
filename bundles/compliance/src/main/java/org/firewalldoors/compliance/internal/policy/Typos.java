package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The commonest typing errors (issue 15: texts are written "as reps and HCPs write, with typos"): one letter
 * dropped ("voume") or two neighbouring letters swapped ("swicth"), in one word of six letters or more, never its
 * first letter. For a term list a policy opts in, every such spelling of its phrases is one more phrase of the same
 * automaton, so a text is still scanned once; a finding names the phrase as the policy wrote it and quotes the text
 * as the user wrote it.
 *
 * <p>A "typo" that spells another form of the same word is no typo: "targets" less its last letter is "target", the
 * word a clinical question asks about ("the target receptor"). A policy that wants every form of a word says so with
 * a lemma ({@code ~target}); a variant whose stem equals the word's stem in any language {@link Lemmas} knows is
 * dropped, so typo tolerance never widens a phrase to its other inflections.
 */
final class Typos {

    /** Shorter words mistyped are too often other words ("trial", "plans"). */
    static final int MIN_LENGTH = 6;

    private Typos() {
    }

    /**
     * @param phrase a plain phrase, maybe ending in {@code *}
     * @return its spellings with one typo in one word, lower case, words separated by single spaces (without the
     *         phrase itself)
     */
    static List<String> variants(String phrase) {
        String stripped = phrase.strip();
        boolean prefix = stripped.endsWith("*");
        // Typos are made in the letters as typed, before folding (which reads "m" as "rn", for one): the variants
        // are written as typed too, and the automaton folds them like any phrase.
        String typed = (prefix ? stripped.substring(0, stripped.length() - 1) : stripped).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : typed.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            Inflections inflections = new Inflections(word);
            for (int i = 1; i < word.length(); i++) {
                add(out, words, w, word.substring(0, i) + word.substring(i + 1), i, inflections, prefix);
                if (i + 1 < word.length() && word.charAt(i) != word.charAt(i + 1)) {
                    add(out, words, w, word.substring(0, i) + word.charAt(i + 1) + word.charAt(i)
                            + word.substring(i + 2), i, inflections, prefix);
                }
            }
        }
        out.remove(join(words, -1, null, prefix));
        out.removeIf(v -> startsWithLookAlike(v) && !startsWithLookAlike(typed));
        return List.copyOf(out);
    }

    private static void add(Set<String> out, List<String> words, int w, String typo, int at,
            Inflections inflections, boolean prefix) {
        if (!inflections.isInflection(typo, at)) {
            out.add(join(words, w, typo, prefix));
        }
    }

    /** The stems of one word in every language {@link Lemmas} knows, to tell its other forms from its typos. */
    private static final class Inflections {
        private final String[] languages = Lemmas.languages().toArray(new String[0]);
        private final String[] stems = new String[languages.length];
        /** Letters before this index are in every language's stem: a typo there changes the stem. */
        private final int stable;

        Inflections(String word) {
            int shortest = word.length();
            for (int l = 0; l < languages.length; l++) {
                stems[l] = Lemmas.stem(languages[l], word);
                shortest = Math.min(shortest, commonPrefix(stems[l], word));
            }
            // A stemmer rewrites the end of a word (its suffixes); a typo well before that end makes another stem
            // (compiling a policy stems only the variants near the end: every variant stemmed six times was half
            // of the US policy's compile).
            stable = shortest - 1;
        }

        /** @return whether {@code typo}, made at index {@code at} of the word, is another form of it */
        boolean isInflection(String typo, int at) {
            if (at < stable) {
                return false;
            }
            for (int l = 0; l < languages.length; l++) {
                if (Lemmas.stem(languages[l], typo).equals(stems[l])) {
                    return true;
                }
            }
            return false;
        }

        private static int commonPrefix(String a, String b) {
            int n = Math.min(a.length(), b.length());
            int i = 0;
            while (i < n && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }
    }

    /**
     * Folding reads a few letter pairs as one letter ("rn" as "m"): a typo that makes a word start with such a pair
     * ("rnaking", from "ranking") would find a word that starts with that letter ("making"), no typo of the phrase.
     */
    private static boolean startsWithLookAlike(String words) {
        for (String word : words.split("[^\\p{L}\\p{N}]+")) {
            for (String pair : LOOK_ALIKE_PAIRS) {
                if (word.startsWith(pair)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final List<String> LOOK_ALIKE_PAIRS = List.of("rn", "vv", "cl", "ii");

    private static String join(List<String> words, int replaced, String with, boolean prefix) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                b.append(' ');
            }
            b.append(w == replaced ? with : words.get(w));
        }
        return prefix ? b.append('*').toString() : b.toString();
    }
}
