package org.firewalldoors.compliance.internal.policy;

import org.firewalldoors.compliance.internal.text.NormalizedText;
import org.firewalldoors.compliance.internal.text.TextNormalizer;

/**
 * Reads digits and a few symbols as the letters they stand for in leetspeak
 * ({@code pr3scr1b1ng t@rg3ts}), for the term lists a policy opts in (X4).
 * It works on folded text, after {@link TextNormalizer}: the confusable
 * skeletons have already made {@code 0} an {@code o} and {@code 1} an
 * {@code l}; leetspeak then merges {@code l} and {@code i} (a {@code 1} stands
 * for either) and reads {@code 2 3 4 5 6 7 8 9} as {@code z e a s g t b g}.
 * Text and phrases are read the same way, so a phrase is found in leetspeak
 * and spelt normally alike. Every replacement is one char for one char, so
 * spans into the original text stay exact.
 */
final class Leetspeak {

    private static final String DIGITS_AS_LETTERS = "oizeasgtbg";

    private Leetspeak() {
    }

    /** @return {@code text} folded and read as leetspeak, spans unchanged */
    static NormalizedText normalize(String text) {
        return read(text, TextNormalizer.normalize(symbolsAsLetters(text)));
    }

    /**
     * @param folded {@code text} as {@link TextNormalizer} folds it, reused when {@code text} has no {@code @}
     *               or {@code $} (which fold differently here)
     * @return {@code text} folded and read as leetspeak, spans unchanged
     */
    static NormalizedText normalize(String text, NormalizedText folded) {
        return hasSymbols(text) ? normalize(text) : read(text, folded);
    }

    private static NormalizedText read(String text, NormalizedText folded) {
        return folded.withLetters(text, letters(folded.letters()));
    }

    private static boolean hasSymbols(String text) {
        return text.indexOf('@') >= 0 || text.indexOf('$') >= 0;
    }

    /**
     * @return the folded words of {@code phrase} read as leetspeak, separated by single spaces; a phrase
     *         written this way folds to itself again
     */
    static String phrase(String phrase) {
        NormalizedText folded = normalize(phrase);
        StringBuilder out = new StringBuilder(folded.length() + 4);
        String letters = folded.letters();
        for (int i = 0; i < letters.length(); i++) {
            if (i > 0 && folded.tokenStartsAt(i)) {
                out.append(' ');
            }
            out.append(letters.charAt(i));
        }
        return out.toString();
    }

    /** {@code @} and {@code $}, which folding treats as separators, stand for {@code a} and {@code s}. */
    private static String symbolsAsLetters(String text) {
        return text.replace('@', 'a').replace('$', 's');
    }

    private static String letters(String folded) {
        char[] out = folded.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= '0' && c <= '9') {
                out[i] = DIGITS_AS_LETTERS.charAt(c - '0');
            } else if (c == 'l') {
                out[i] = 'i';
            }
        }
        return new String(out);
    }
}
