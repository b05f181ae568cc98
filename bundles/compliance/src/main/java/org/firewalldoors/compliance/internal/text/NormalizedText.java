package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Text as folded by {@link TextNormalizer}: only its letters and digits,
 * each with the span of the original code point it came from, and where the
 * tokens (maximal runs of letters and digits between separators) start and
 * end. Immutable; the array and bit set accessors return copies.
 *
 * <p>Shaped like a record of the six values below (accessors, {@code equals},
 * {@code hashCode}); a class so that {@link TextNormalizer} can hand over the
 * arrays it has just made without copying them again.
 */
public final class NormalizedText implements FoldedSpans {

    private final String original;
    private final String letters;
    private final int[] starts;
    private final int[] ends;
    private final BitSet tokenStarts;
    private final BitSet tokenEnds;

    /**
     * Validates and copies the values.
     *
     * @param original    the text as entered
     * @param letters     the folded letters and digits, separators removed
     * @param starts      for each char of {@code letters}, where its original code point starts
     * @param ends        for each char of {@code letters}, where its original code point ends (exclusive)
     * @param tokenStarts the positions in {@code letters} where a token starts
     * @param tokenEnds   the positions in {@code letters} where a token ends (inclusive)
     */
    public NormalizedText(String original, String letters, int[] starts, int[] ends, BitSet tokenStarts,
            BitSet tokenEnds) {
        this(Objects.requireNonNull(original, "original"), Objects.requireNonNull(letters, "letters"),
                starts.clone(), ends.clone(), (BitSet) tokenStarts.clone(), (BitSet) tokenEnds.clone(), true);
    }

    /** Takes the values as they are: for values nothing else holds. */
    private NormalizedText(String original, String letters, int[] starts, int[] ends, BitSet tokenStarts,
            BitSet tokenEnds, boolean owned) {
        if (starts.length != letters.length() || ends.length != letters.length()) {
            throw new IllegalArgumentException("one span is needed per letter");
        }
        this.original = original;
        this.letters = letters;
        this.starts = starts;
        this.ends = ends;
        this.tokenStarts = tokenStarts;
        this.tokenEnds = tokenEnds;
    }

    /** The values of a text just folded, which nothing else holds: not copied. */
    static NormalizedText of(String original, String letters, int[] starts, int[] ends, BitSet tokenStarts,
            BitSet tokenEnds) {
        return new NormalizedText(original, letters, starts, ends, tokenStarts, tokenEnds, true);
    }

    /**
     * The same text read with other letters, one for one (such as leetspeak's digits read as letters): the same
     * spans and tokens, shared rather than copied, since neither text lets them out.
     *
     * @param original the text as entered (for spans into it)
     * @param other    the letters, as many as this text has
     */
    public NormalizedText withLetters(String original, String other) {
        if (other.length() != letters.length()) {
            throw new IllegalArgumentException("letters are replaced one for one");
        }
        return new NormalizedText(Objects.requireNonNull(original, "original"), other, starts, ends, tokenStarts,
                tokenEnds, true);
    }

    /** @return the text as entered */
    @Override
    public String original() {
        return original;
    }

    /** @return the folded letters and digits, separators removed */
    public String letters() {
        return letters;
    }

    /** @return how many letters and digits there are */
    public int length() {
        return letters.length();
    }

    /** @return where the original code point of letter {@code i} starts */
    @Override
    public int originalStart(int i) {
        return starts[i];
    }

    /** @return where the original code point of letter {@code i} ends (exclusive) */
    @Override
    public int originalEnd(int i) {
        return ends[i];
    }

    /** @return whether a token starts at letter {@code i} */
    public boolean tokenStartsAt(int i) {
        return tokenStarts.get(i);
    }

    /** @return the first letter at or after {@code from} where a token starts, or -1 if there is none */
    @Override
    public int nextTokenStart(int from) {
        return tokenStarts.nextSetBit(from);
    }

    /** @return the first letter at or after {@code from} where a token ends (inclusive), or -1 if there is none */
    @Override
    public int nextTokenEnd(int from) {
        return tokenEnds.nextSetBit(from);
    }

    /** @return whether a token ends at letter {@code i} */
    @Override
    public boolean tokenEndsAt(int i) {
        return tokenEnds.get(i);
    }

    /** @return for each letter, where its original code point starts (a copy) */
    public int[] starts() {
        return starts.clone();
    }

    /** @return for each letter, where its original code point ends, exclusive (a copy) */
    public int[] ends() {
        return ends.clone();
    }

    /** @return the positions where a token starts (a copy) */
    public BitSet tokenStarts() {
        return (BitSet) tokenStarts.clone();
    }

    /** @return the positions where a token ends, inclusive (a copy) */
    public BitSet tokenEnds() {
        return (BitSet) tokenEnds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText t && original.equals(t.original) && letters.equals(t.letters)
                && Arrays.equals(starts, t.starts) && Arrays.equals(ends, t.ends)
                && tokenStarts.equals(t.tokenStarts) && tokenEnds.equals(t.tokenEnds);
    }

    @Override
    public int hashCode() {
        return 31 * original.hashCode() + letters.hashCode();
    }

    @Override
    public String toString() {
        return "NormalizedText[" + letters + "]";
    }
}
