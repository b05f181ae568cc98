package org.firewalldoors.compliance.internal.text;

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
        FoldingBuffer out = FoldingBuffer.start(original);
        try {
            fold(original, out);
            return out.text();
        } finally {
            out.release();
        }
    }

    /**
     * Folds {@code original} into {@code out}, letter by letter: the one loop over the text, which a scan that
     * folds and walks in one pass shares (see {@link FoldingBuffer#letter}).
     */
    static void fold(String original, FoldingBuffer out) {
        int length = original.length();
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
                out.extendLastLetter(i, end, cp);
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
        out.separator();
    }
}
