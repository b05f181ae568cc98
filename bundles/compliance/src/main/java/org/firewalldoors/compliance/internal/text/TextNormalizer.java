package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Folds text so that restricted phrases cannot be hidden from the scanner
 * (X4): NFKC case folding (case, full-width and compatibility forms), no
 * combining marks (accents), no zero-width or other ignorable characters, and
 * look-alike letters from other scripts replaced by their Latin prototypes
 * (Unicode confusable skeletons). Punctuation, symbols and white space only
 * separate tokens; the folded text keeps just the letters and digits, each
 * with the span of the original code point it came from.
 *
 * <p>Folding confusables also folds some ASCII (m to rn, 0 to o, 1 to l);
 * phrases and text are folded the same way, so this only ever makes
 * look-alikes match. Thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Folds {@code original}.
     *
     * @param original the text as entered
     * @return its letters and digits, folded, with their original spans and token boundaries
     */
    public static NormalizedText normalize(String original) {
        Objects.requireNonNull(original, "original");
        int length = original.length();
        Folded out = new Folded(length);
        for (int i = 0; i < length; ) {
            char ch = original.charAt(i);
            if (ch < CharFolding.SIMPLE_END) {
                // The fast path: one char that folds to one letter or digit, or to a separator alone.
                char f = CharFolding.simple(ch);
                if (f == CharFolding.SIMPLE_SEPARATOR) {
                    out.separator();
                    i++;
                    continue;
                }
                if (f != CharFolding.NOT_SIMPLE) {
                    out.letter(f, i, i + 1);
                    i++;
                    continue;
                }
            }
            int cp = original.codePointAt(i);
            int end = i + Character.charCount(cp);
            String folded = CharFolding.fold(cp);
            if (folded.isEmpty()) {
                // An accent typed as a separate combining mark is part of the letter before it,
                // so a reported span never leaves it behind.
                if (out.inToken && out.lastEnd == i && CharFolding.isMark(cp)) {
                    out.ends[out.n - 1] = end;
                    out.lastEnd = end;
                }
            }
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (c == CharFolding.SEPARATOR) {
                    out.separator();
                } else {
                    out.letter(c, i, end);
                }
            }
            i = end;
        }
        return out.text(original);
    }

    /** The folded text as it grows. */
    private static final class Folded {
        char[] letters;
        int[] starts;
        int[] ends;
        final BitSet tokenStarts;
        final BitSet tokenEnds;
        int n;
        boolean inToken;
        int lastEnd = -1;

        Folded(int capacity) {
            letters = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            tokenStarts = new BitSet(capacity);
            tokenEnds = new BitSet(capacity);
        }

        void letter(char c, int start, int end) {
            if (n == letters.length) {
                letters = Arrays.copyOf(letters, n * 2 + 1);
                starts = Arrays.copyOf(starts, n * 2 + 1);
                ends = Arrays.copyOf(ends, n * 2 + 1);
            }
            if (!inToken) {
                tokenStarts.set(n);
                inToken = true;
            }
            letters[n] = c;
            starts[n] = start;
            ends[n++] = end;
            lastEnd = end;
        }

        void separator() {
            if (inToken) {
                tokenEnds.set(n - 1);
                inToken = false;
            }
        }

        NormalizedText text(String original) {
            separator();
            // The arrays are this call's own: handed over without another copy.
            return NormalizedText.of(original, new String(letters, 0, n), n == starts.length ? starts
                    : Arrays.copyOf(starts, n), n == ends.length ? ends : Arrays.copyOf(ends, n), tokenStarts,
                    tokenEnds);
        }
    }
}
