package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "DeCiLe | decile",
        "d e c i l e | decile",
        "de-cile | decile",
        "d.e.c.i.l.e | decile",
        "décile | decile",
        "ｄｅｃｉｌｅ | decile",
        "ＤＥＣＩＬＥ | decile",
        "naïve Ærø | naiveaero",
        "Straße | strasse",
        "ﬁne | fine",
        "\u0441\u0435\u043E\u0440\u0430 | ceopa",
        "c\u03BFnvert | convert",
        "\u0405\u0421RI\u0420\u0422 | script",
        "\u039D\u039F\u039D | non",
        "İstanbul | istanbul",
        "\uD835\uDC1D\uD835\uDC1E\uD835\uDC1C | dec",
    })
    void foldsCaseWidthAccentsAndLookAlikes(String text, String letters) {
        assertEquals(letters, TextNormalizer.normalize(text).letters());
    }

    @Test
    void confusableFoldingAlsoFoldsSomeAscii() {
        // The same folding applies to phrases, so this only makes look-alikes meet.
        assertEquals("rn", TextNormalizer.normalize("m").letters());
        assertEquals("rn", TextNormalizer.normalize("rn").letters());
        assertEquals("o", TextNormalizer.normalize("0").letters());
        assertEquals("l", TextNormalizer.normalize("1").letters());
        assertEquals("l", TextNormalizer.normalize("l").letters());
        assertEquals("i", TextNormalizer.normalize("I").letters());
    }

    @Test
    void dropsZeroWidthAndFormatCharactersWithoutSplittingTheToken() {
        for (String invisible : List.of("\u200B", "\u200C", "\u200D", "\u00AD", "\uFEFF", "\u2060", "\u180E")) {
            NormalizedText n = TextNormalizer.normalize("de" + invisible + "cile");
            assertEquals("decile", n.letters(), "U+" + Integer.toHexString(invisible.charAt(0)));
            assertEquals(bits(0), n.tokenStarts());
            assertEquals(bits(5), n.tokenEnds());
        }
    }

    @Test
    void punctuationSymbolsAndWhiteSpaceSeparateTokens() {
        NormalizedText n = TextNormalizer.normalize("  ab, c\td—e/f+g€h's ");
        assertEquals("abcdefghs", n.letters());
        assertEquals(bits(0, 2, 3, 4, 5, 6, 7, 8), n.tokenStarts());
        assertEquals(bits(1, 2, 3, 4, 5, 6, 7, 8), n.tokenEnds());
    }

    @Test
    void keepsTheOriginalSpanOfEveryLetter() {
        String text = "Ｄe\u0301\u200Bc\uD835\uDC22ﬂ";
        NormalizedText n = TextNormalizer.normalize(text);
        assertEquals("decifl", n.letters());
        assertArrayEquals(new int[] {0, 1, 4, 5, 7, 7}, n.starts());
        // The combining accent belongs to the e before it.
        assertArrayEquals(new int[] {1, 3, 5, 7, 8, 8}, n.ends());
    }

    @Test
    void expandedCodePointsShareTheirSpan() {
        NormalizedText n = TextNormalizer.normalize("Ma");
        assertEquals("rna", n.letters());
        assertArrayEquals(new int[] {0, 0, 1}, n.starts());
        assertArrayEquals(new int[] {1, 1, 2}, n.ends());
        assertEquals(bits(0), n.tokenStarts());
        assertEquals(bits(2), n.tokenEnds());
    }

    @Test
    void textWithoutLettersIsEmpty() {
        for (String text : List.of("", " ", "--- !!! ...", "\u200B\u200B", "\u0301")) {
            NormalizedText n = TextNormalizer.normalize(text);
            assertEquals(0, n.length());
            assertTrue(n.tokenStarts().isEmpty());
            assertTrue(n.tokenEnds().isEmpty());
        }
    }

    @Test
    void accessorsReturnCopies() {
        NormalizedText n = TextNormalizer.normalize("ab");
        n.starts()[0] = 99;
        n.tokenEnds().clear();
        assertEquals(0, n.originalStart(0));
        assertTrue(n.tokenEndsAt(1));
        assertFalse(n.tokenEndsAt(0));
    }

    @Test
    void isThreadSafe() {
        String text = "Ｄé\u200Bcile ΝΟΝ \u0441\u043Envert 𝐱 漢字 ";
        NormalizedText expected = TextNormalizer.normalize(text);
        IntStream.range(0, 2000).parallel()
                .forEach(i -> assertEquals(expected, TextNormalizer.normalize(text + "")));
    }

    private static BitSet bits(int... positions) {
        BitSet b = new BitSet();
        for (int p : positions) {
            b.set(p);
        }
        return b;
    }
}
