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
        Folded out = Folded.start(length);
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

    /**
     * The folded text as it grows, in buffers that each thread reuses: only the finished text's own
     * arrays are allocated, at their size.
     */
    private static final class Folded {
        /**
         * Buffers grown beyond this many chars are not kept for the next text: a thread keeps at most about
         * 80 KB (a server has many threads); longer texts get buffers of their own.
         */
        private static final int KEPT = 8192;
        private static final ThreadLocal<Folded> BUFFERS = ThreadLocal.withInitial(() -> new Folded(2048));

        char[] letters;
        int[] starts;
        int[] ends;
        long[] tokenStarts;
        long[] tokenEnds;
        int n;
        boolean inToken;
        int lastEnd;

        private Folded(int capacity) {
            letters = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            tokenStarts = new long[(capacity >> 6) + 1];
            tokenEnds = new long[(capacity >> 6) + 1];
        }

        /** @return this thread's buffers, emptied, for a text of {@code length} chars */
        static Folded start(int length) {
            Folded f = BUFFERS.get();
            if (f.letters.length < length) {
                f.grow(length);
            }
            // Bits are set below n only; cleared here, not at the end, so that a text left unfinished
            // (an exception while folding) cannot leave any behind.
            int used = Math.min((f.n >> 6) + 1, f.tokenStarts.length);
            Arrays.fill(f.tokenStarts, 0, used, 0L);
            Arrays.fill(f.tokenEnds, 0, used, 0L);
            f.n = 0;
            f.inToken = false;
            f.lastEnd = -1;
            return f;
        }

        void letter(char c, int start, int end) {
            if (n == letters.length) {
                grow(n * 2 + 1);
            }
            if (!inToken) {
                tokenStarts[n >> 6] |= 1L << n;
                inToken = true;
            }
            letters[n] = c;
            starts[n] = start;
            ends[n++] = end;
            lastEnd = end;
        }

        void separator() {
            if (inToken) {
                tokenEnds[(n - 1) >> 6] |= 1L << (n - 1);
                inToken = false;
            }
        }

        private void grow(int capacity) {
            letters = Arrays.copyOf(letters, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            tokenStarts = Arrays.copyOf(tokenStarts, (capacity >> 6) + 1);
            tokenEnds = Arrays.copyOf(tokenEnds, (capacity >> 6) + 1);
        }

        /** @return the finished text, in arrays of its own */
        NormalizedText text(String original) {
            separator();
            int words = (n + 63) >> 6;
            NormalizedText text = NormalizedText.of(original, new String(letters, 0, n), Arrays.copyOf(starts, n),
                    Arrays.copyOf(ends, n), BitSet.valueOf(Arrays.copyOf(tokenStarts, words)),
                    BitSet.valueOf(Arrays.copyOf(tokenEnds, words)));
            if (letters.length > KEPT) {
                BUFFERS.remove();
            }
            return text;
        }
    }
}
