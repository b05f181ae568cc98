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
        StringBuilder letters = new StringBuilder(length);
        int[] starts = new int[length];
        int[] ends = new int[length];
        BitSet tokenStarts = new BitSet(length);
        BitSet tokenEnds = new BitSet(length);
        boolean inToken = false;
        int lastEnd = -1;
        for (int i = 0; i < length; ) {
            int cp = original.codePointAt(i);
            int end = i + Character.charCount(cp);
            String folded = CharFolding.fold(cp);
            if (folded.isEmpty()) {
                // An accent typed as a separate combining mark is part of the letter before it,
                // so a reported span never leaves it behind.
                if (inToken && lastEnd == i && CharFolding.isMark(cp)) {
                    ends[letters.length() - 1] = end;
                    lastEnd = end;
                }
            }
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (c == CharFolding.SEPARATOR) {
                    if (inToken) {
                        tokenEnds.set(letters.length() - 1);
                        inToken = false;
                    }
                    continue;
                }
                int n = letters.length();
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2 + 1);
                    ends = Arrays.copyOf(ends, n * 2 + 1);
                }
                if (!inToken) {
                    tokenStarts.set(n);
                    inToken = true;
                }
                letters.append(c);
                starts[n] = i;
                ends[n] = end;
                lastEnd = end;
            }
            i = end;
        }
        if (inToken) {
            tokenEnds.set(letters.length() - 1);
        }
        int n = letters.length();
        return new NormalizedText(original, letters.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n),
                tokenStarts, tokenEnds);
    }
}
