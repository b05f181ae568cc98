package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return variants(phrase, new HashMap<>());
    }

    /**
     * As {@link #variants(String)}, with the misspellings of each word kept in {@code typosOfWord} for the next
     * phrase that has the word (a policy's phrases share most of their words; stemming each misspelling in every
     * language was most of a policy's compile).
     */
    static List<String> variants(String phrase, Map<String, List<String>> typosOfWord) {
        String stripped = phrase.strip();
        boolean prefix = stripped.endsWith("*");
        // Typos are made in the letters as typed, before folding (which reads "m" as "rn", for one): the variants
        // are written as typed too, and the automaton folds them like any phrase.
        String typed = (prefix ? stripped.substring(0, stripped.length() - 1) : stripped).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(typed)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        // A variant differs from the phrase in one word: unless the phrase itself has a word that starts with a
        // look-alike pair, a variant does exactly when its misspelt word does.
        boolean dropLookAlikes = words.stream().noneMatch(Typos::startsWithLookAlike);
        Set<String> out = new LinkedHashSet<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            for (String typo : typosOfWord.computeIfAbsent(word, Typos::typosOf)) {
                if (!(dropLookAlikes && startsWithLookAlike(typo))) {
                    out.add(join(words, w, typo, prefix));
                }
            }
        }
        out.remove(join(words, -1, null, prefix));
        return List.copyOf(out);
    }

    /** One letter dropped or two neighbours swapped (never the first), that spell no other form of the word. */
    private static List<String> typosOf(String word) {
        Inflections inflections = new Inflections(word);
        List<String> typos = new ArrayList<>();
        for (int i = 1; i < word.length(); i++) {
            String dropped = word.substring(0, i) + word.substring(i + 1);
            if (!inflections.isInflection(dropped, i)) {
                typos.add(dropped);
            }
            if (i + 1 < word.length() && word.charAt(i) != word.charAt(i + 1)) {
                String swapped = word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
                if (!inflections.isInflection(swapped, i)) {
                    typos.add(swapped);
                }
            }
        }
        return typos;
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
    private static boolean startsWithLookAlike(String word) {
        for (String pair : LOOK_ALIKE_PAIRS) {
            if (word.startsWith(pair)) {
                return true;
            }
        }
        return false;
    }

    /** What separates words; compiled once (String.split compiles such a pattern on every call). */
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

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
