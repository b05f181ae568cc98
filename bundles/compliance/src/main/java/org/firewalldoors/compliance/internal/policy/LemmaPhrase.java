package org.firewalldoors.compliance.internal.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.firewalldoors.compliance.internal.text.TextNormalizer;

/**
 * A phrase whose last word is a lemma (issue 15): {@code top ~prescriber} finds "top prescribers", "Top Prescriber";
 * {@code ~de:verordnung} finds "Verordnungen". Matching stays one scan: the automaton looks for the word's start
 * (the letters the word and its stem share, at least three) as a prefix phrase, {@code top prescrib*}, and a hit
 * counts only when the Snowball stem of the word found equals the stem of the lemma. Immutable.
 *
 * @param phrase     the phrase as the policy writes it (what a finding reports)
 * @param language   the stemmer's language
 * @param anchor     the prefix phrase the automaton looks for
 * @param before     how many folded letters the words before the lemma have
 * @param stem       the lemma's stem
 * @param leetspeak  whether anchor and stem are read as {@link Leetspeak}
 */
record LemmaPhrase(String phrase, String language, String anchor, int before, String stem, boolean leetspeak) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEMMA = Pattern.compile("^~(?:([a-z]{2}):)?(\\S+)$");
    /** Fewer shared letters would make the anchor hit most words of a text. */
    private static final int MIN_ANCHOR = 3;

    /** @return whether a word of the phrase is written as a lemma ({@code ~word} or {@code ~de:word}) */
    static boolean isLemma(String phrase) {
        if (phrase.indexOf('~') < 0) {
            return false; // most phrases: no split (a policy may have half a million phrases)
        }
        for (String word : SPACES.split(phrase.strip())) {
            if (word.length() > 1 && word.charAt(0) == '~' && Character.isLetter(word.charAt(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param leetspeak read the phrase as leetspeak (for the automaton over text read so)
     * @throws IllegalArgumentException if the language is unknown, an earlier word is a lemma too, or the word
     *                                  and its stem share fewer than three letters
     */
    static LemmaPhrase parse(String phrase, boolean leetspeak) {
        String stripped = phrase.strip();
        int space = Math.max(stripped.lastIndexOf(' '), stripped.lastIndexOf('\t'));
        String head = space < 0 ? "" : stripped.substring(0, space).strip();
        Matcher lemma = LEMMA.matcher(stripped.substring(space + 1));
        if (!lemma.matches() || head.contains("~") || head.contains("*")) {
            throw new IllegalArgumentException("Phrase \"" + phrase + "\": only the last word may be a lemma "
                    + "(~word or ~de:word); join more with ~>0");
        }
        String language = lemma.group(1) == null ? Lemmas.DEFAULT_LANGUAGE : lemma.group(1);
        if (!Lemmas.languages().contains(language)) {
            throw new IllegalArgumentException("Phrase \"" + phrase + "\": no stemmer for language '" + language
                    + "'; known: " + new java.util.TreeSet<>(Lemmas.languages()));
        }
        String word = fold(lemma.group(2), leetspeak);
        String headWords = head.isEmpty() ? "" : fold(head, leetspeak);
        if (word.isEmpty()) {
            throw new IllegalArgumentException("Phrase \"" + phrase + "\": the lemma has no letters");
        }
        String stem = Lemmas.stem(language, word);
        int shared = 0;
        while (shared < Math.min(word.length(), stem.length()) && word.charAt(shared) == stem.charAt(shared)) {
            shared++;
        }
        if (shared < MIN_ANCHOR) {
            throw new IllegalArgumentException("Phrase \"" + phrase + "\": the lemma '" + word + "' and its stem '"
                    + stem + "' share fewer than " + MIN_ANCHOR + " letters; write the word's forms out");
        }
        String anchorHead = leetspeak ? Leetspeak.phrase(head) : head;
        String anchor = (head.isEmpty() ? "" : anchorHead + " ") + word.substring(0, shared) + "*";
        return new LemmaPhrase(phrase, language, anchor, headWords.length(), stem, leetspeak);
    }

    /** @return the folded letters of {@code text} (read as leetspeak if asked), separators removed */
    private static String fold(String text, boolean leetspeak) {
        return (leetspeak ? Leetspeak.normalize(text) : TextNormalizer.normalize(text)).letters();
    }

    /**
     * @param found a hit of {@link #anchor} in the text
     * @return whether the word found there is an inflection of the lemma
     */
    boolean accepts(PhraseMatch found) {
        String letters = fold(found.originalText(), leetspeak);
        return letters.length() > before && Lemmas.stem(language, letters.substring(before)).equals(stem);
    }
}
