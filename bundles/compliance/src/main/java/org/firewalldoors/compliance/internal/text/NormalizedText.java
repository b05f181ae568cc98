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
 * @param original    the text as entered
 * @param letters     the folded letters and digits, separators removed
 * @param starts      for each char of {@code letters}, where its original code point starts
 * @param ends        for each char of {@code letters}, where its original code point ends (exclusive)
 * @param tokenStarts the positions in {@code letters} where a token starts
 * @param tokenEnds   the positions in {@code letters} where a token ends (inclusive)
 */
public record NormalizedText(String original, String letters, int[] starts, int[] ends, BitSet tokenStarts,
        BitSet tokenEnds) {

    /** Validates and copies the values. */
    public NormalizedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(letters, "letters");
        if (starts.length != letters.length() || ends.length != letters.length()) {
            throw new IllegalArgumentException("one span is needed per letter");
        }
        starts = starts.clone();
        ends = ends.clone();
        tokenStarts = (BitSet) tokenStarts.clone();
        tokenEnds = (BitSet) tokenEnds.clone();
    }

    /** @return how many letters and digits there are */
    public int length() {
        return letters.length();
    }

    /** @return where the original code point of letter {@code i} starts */
    public int originalStart(int i) {
        return starts[i];
    }

    /** @return where the original code point of letter {@code i} ends (exclusive) */
    public int originalEnd(int i) {
        return ends[i];
    }

    /** @return whether a token starts at letter {@code i} */
    public boolean tokenStartsAt(int i) {
        return tokenStarts.get(i);
    }

    /** @return whether a token ends at letter {@code i} */
    public boolean tokenEndsAt(int i) {
        return tokenEnds.get(i);
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public int[] ends() {
        return ends.clone();
    }

    @Override
    public BitSet tokenStarts() {
        return (BitSet) tokenStarts.clone();
    }

    @Override
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
