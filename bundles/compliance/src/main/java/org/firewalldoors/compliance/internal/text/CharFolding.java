package org.firewalldoors.compliance.internal.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UTF16;

/**
 * Folds one code point to the form phrases are matched in: a string of
 * letters and digits, with {@link #SEPARATOR} wherever the code point yields
 * punctuation, a symbol or white space, and empty for code points that do not
 * count at all (combining marks, zero-width and other ignorable characters).
 */
final class CharFolding {

    /** Stands for a token boundary in a folded string; never a letter or digit. */
    static final char SEPARATOR = ' ';

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    private static final int MAX_SKELETON_ROUNDS = 4;

    // Latin, Greek, Cyrillic and the other alphabetic scripts up to U+2FFF, and the
    // half-width and full-width forms, are what text is mostly made of; the rest is
    // folded on demand.
    private static final int TABLE_END = 0x3000;
    private static final int WIDE_START = 0xFF00;
    private static final int WIDE_END = 0xFFF0;
    private static final String[] TABLE = table(0, TABLE_END);
    private static final String[] WIDE_TABLE = table(WIDE_START, WIDE_END);

    /** In {@link #simple}: the code point folds to a separator alone. */
    static final char SIMPLE_SEPARATOR = '\u0001';
    /** In {@link #simple}: the code point folds to something else (several letters, nothing, a separator and letters). */
    static final char NOT_SIMPLE = '\u0000';
    private static final char[] SIMPLE = simple(TABLE);

    /** The fast path of the folding: for each code point below {@link #SIMPLE_END}, see {@link #simple}. */
    static final int SIMPLE_END = TABLE_END;

    private CharFolding() {
    }

    /** @return the folded form of {@code cp}; see the class comment */
    static String fold(int cp) {
        if (cp < TABLE_END) {
            return TABLE[cp];
        }
        if (cp >= WIDE_START && cp < WIDE_END) {
            return WIDE_TABLE[cp - WIDE_START];
        }
        return compute(cp);
    }

    /**
     * @param c a code point below {@link #SIMPLE_END}
     * @return the one letter or digit that {@code c} folds to; {@link #SIMPLE_SEPARATOR} when it folds to a
     *         separator alone; {@link #NOT_SIMPLE} otherwise (then {@link #fold} says what it folds to)
     */
    static char simple(int c) {
        return SIMPLE[c];
    }

    private static char[] simple(String[] table) {
        char[] simple = new char[table.length];
        for (int c = 0; c < table.length; c++) {
            String f = table[c];
            if (f.length() == 1) {
                char only = f.charAt(0);
                simple[c] = only == SEPARATOR ? SIMPLE_SEPARATOR : only;
            }
        }
        return simple;
    }

    /** @return whether {@code cp} is a combining mark, which belongs to the character before it */
    static boolean isMark(int cp) {
        return isMarkType(UCharacter.getType(cp));
    }

    private static String[] table(int from, int to) {
        String[] t = new String[to - from];
        for (int cp = from; cp < to; cp++) {
            t[cp - from] = compute(cp);
        }
        return t;
    }

    private static String compute(int cp) {
        if (UTF16.isSurrogate(cp)) {
            return String.valueOf(SEPARATOR);
        }
        String folded = caseFoldedFirst(cp);
        if (UCharacter.isUUppercase(cp) && UScript.getScript(cp) != UScript.LATIN) {
            String prototype = uppercasePrototype(cp);
            if (prototype != null) {
                return prototype;
            }
        }
        return folded;
    }

    private static String caseFoldedFirst(int cp) {
        String base = stripped(UTF16.valueOf(cp));
        StringBuilder out = new StringBuilder(base.length() + 2);
        for (int i = 0; i < base.length(); ) {
            int c = base.codePointAt(i);
            i += Character.charCount(c);
            if (UCharacter.isLetterOrDigit(c)) {
                out.append(skeleton(UTF16.valueOf(c)));
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != SEPARATOR) {
                out.append(SEPARATOR);
            }
        }
        return out.toString();
    }

    /**
     * Capitals of other scripts often look like Latin capitals whose small
     * letters they do not resemble (Cyrillic Т and т, Greek Ν and ν), so
     * case folding first would lose the likeness: such a capital folds as the
     * Latin capital it looks like, when there is one. Prototype l is taken as I, because a Latin
     * capital I is case-folded to i before its skeleton is taken.
     *
     * @return the folded prototype, or {@code null} if it is not ASCII letters and digits
     */
    private static String uppercasePrototype(int cp) {
        String prototype = withoutMarks(SPOOF.getSkeleton(UTF16.valueOf(cp)));
        if (prototype.isEmpty() || !isAscii(prototype) || !lettersOrDigits(prototype)) {
            return null;
        }
        if (prototype.equals("l")) {
            return "i";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < prototype.length(); i++) {
            out.append(caseFoldedFirst(prototype.charAt(i)));
        }
        return out.toString();
    }

    /**
     * The confusable skeleton of one letter or digit, case-folded again
     * because prototypes are sometimes upper case (0 becomes O), and repeated
     * until it no longer changes so that a look-alike and its prototype fold
     * the same. A letter whose skeleton is not made of letters and digits
     * (such as ð, whose prototype is the symbol ∂) stays as it is.
     */
    private static String skeleton(String letter) {
        String current = letter;
        for (int round = 0; round < MAX_SKELETON_ROUNDS; round++) {
            String next = stripped(SPOOF.getSkeleton(current));
            if (next.equals(current) || next.isEmpty() || !lettersOrDigits(next)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** NFKC case folding, then without combining marks and ignorable characters. */
    private static String stripped(String s) {
        return withoutMarks(NFKC_CASEFOLD.normalize(s));
    }

    private static String withoutMarks(String s) {
        String d = NFD.normalize(s);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int c = d.codePointAt(i);
            i += Character.charCount(c);
            int type = UCharacter.getType(c);
            if (!isMarkType(type) && type != UCharacterCategory.FORMAT
                    && !UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean lettersOrDigits(String s) {
        return s.codePoints().allMatch(UCharacter::isLetterOrDigit);
    }

    private static boolean isMarkType(int type) {
        return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK;
    }
}
