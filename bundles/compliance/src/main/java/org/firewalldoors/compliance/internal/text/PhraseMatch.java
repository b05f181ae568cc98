package org.firewalldoors.compliance.internal.text;

import java.util.Comparator;
import java.util.Objects;

/**
 * One occurrence of a restricted phrase in a text.
 *
 * @param list         the name of the term list the phrase belongs to
 * @param phrase       the phrase as written in the list
 * @param start        where the occurrence starts in the original text
 * @param end          where it ends in the original text (exclusive)
 * @param originalText the original text from {@code start} to {@code end}, everything the user has to remove
 */
public record PhraseMatch(String list, String phrase, int start, int end, String originalText) {

    /** By position, then by list and phrase. */
    public static final Comparator<PhraseMatch> ORDER = Comparator.comparingInt(PhraseMatch::start)
            .thenComparingInt(PhraseMatch::end).thenComparing(PhraseMatch::list).thenComparing(PhraseMatch::phrase);

    /** Validates the values. */
    public PhraseMatch {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(originalText, "originalText");
        if (start < 0 || end < start || originalText.length() != end - start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
