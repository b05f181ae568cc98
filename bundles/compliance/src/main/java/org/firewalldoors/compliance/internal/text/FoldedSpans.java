package org.firewalldoors.compliance.internal.text;

/**
 * What a found occurrence needs to know of the folded text it was found in: where each folded letter came from in
 * the original text and where the tokens start and end. {@link NormalizedText} is one; the folding buffers of a scan
 * that folds and walks in one pass ({@link PhraseAutomaton#find(String)}) are the other.
 */
interface FoldedSpans {

    /** @return the text as entered */
    String original();

    /** @return where the original code point of letter {@code i} starts */
    int originalStart(int i);

    /** @return where the original code point of letter {@code i} ends (exclusive) */
    int originalEnd(int i);

    /** @return whether a token ends at letter {@code i} */
    boolean tokenEndsAt(int i);

    /** @return the first letter at or after {@code from} where a token starts, or -1 if there is none */
    int nextTokenStart(int from);

    /** @return the first letter at or after {@code from} where a token ends (inclusive), or -1 if there is none */
    int nextTokenEnd(int from);
}
