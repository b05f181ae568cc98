package org.firewalldoors.compliance.internal.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * One text a rule scans in a field's value: a string, the string items of a list read as one text (so that a
 * phrase split across adjacent items, {@code ["market", "share"]}, is found), or the name of a field or object
 * key read as words ({@code mslCallPlan} as {@code msl Call Plan}; {@code _} and {@code -} already separate
 * words). A match is quoted as the user wrote it: a name's match quotes the name, not its words.
 */
final class FieldText {

    private final String scanned;
    private final String original;
    /** For a name split into words: the index in {@code original} of each char of {@code scanned}. */
    private final int[] origin;
    private final boolean name;
    private final String key;
    /** The names of fields a record type declares, split into words once (bounded: see {@link #declaredName}). */
    private static final Map<String, FieldText> DECLARED_NAMES = new ConcurrentHashMap<>();
    private static final int DECLARED_MAX = 4096;

    private FieldText(String scanned, String original, int[] origin, boolean name) {
        this.scanned = scanned;
        this.original = original;
        this.origin = origin;
        this.name = name;
        this.key = name ? '\u0000' + original : original;
    }

    /** @return the text to scan */
    String scanned() {
        return scanned;
    }

    /** @return the text as written (a name before it is split into words) */
    String original() {
        return original;
    }

    /** @return whether this is the name of a field or key, not a value */
    boolean isName() {
        return name;
    }

    /** @return a key telling this text from any other, to scan each one once per operation */
    String key() {
        return key;
    }

    /** @return the match with its span and text in the text as written */
    PhraseMatch quoted(PhraseMatch m) {
        if (origin == null) {
            return m;
        }
        int start = origin[m.start()];
        int end = origin[m.end() - 1] + 1;
        return new PhraseMatch(m.list(), m.phrase(), start, end, original.substring(start, end));
    }

    static FieldText text(String text) {
        return new FieldText(text, text, null, false);
    }

    /**
     * @param name the name of a field its record type declares (not a key of a value: those are the caller's to
     *             choose, and would only fill the cache)
     * @return {@link #name(String)}, made once per name while the cache has room
     */
    static FieldText declaredName(String name) {
        FieldText known = DECLARED_NAMES.get(name);
        if (known != null) {
            return known;
        }
        FieldText made = name(name);
        if (DECLARED_NAMES.size() < DECLARED_MAX) {
            DECLARED_NAMES.putIfAbsent(name, made);
        }
        return made;
    }

    /** @return a field or key name, read as words where its case changes */
    static FieldText name(String name) {
        StringBuilder words = new StringBuilder(name.length() + 8);
        int[] origin = new int[name.length() * 2];
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            if (i > 0 && wordStarts(name, i)) {
                origin[n++] = i;
                words.append(' ');
            }
            origin[n++] = i;
            words.append(name.charAt(i));
        }
        return n == name.length() ? new FieldText(name, name, null, true)
                : new FieldText(words.toString(), name, Arrays.copyOf(origin, n), true);
    }

    /** An upper-case letter after a lower-case one or a digit ({@code callPlan}), or ending a run of them ({@code MSLVisit}). */
    private static boolean wordStarts(String s, int i) {
        char previous = s.charAt(i - 1);
        char c = s.charAt(i);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        return Character.isLowerCase(previous) || Character.isDigit(previous)
                || Character.isUpperCase(previous) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }

    /**
     * Adds the texts of a value: a string; the string items of a list, adjacent ones joined by a space; the keys
     * and values of an object. Numbers and booleans are not text.
     */
    static void collect(Object value, List<FieldText> into) {
        if (value instanceof String s) {
            into.add(text(s));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                into.add(name(String.valueOf(k)));
                collect(v, into);
            });
        } else if (value instanceof Iterable<?> list) {
            StringBuilder run = null;
            for (Object v : list) {
                if (v instanceof String s) {
                    run = run == null ? new StringBuilder(s) : run.append(' ').append(s);
                    continue;
                }
                if (run != null) {
                    into.add(text(run.toString()));
                    run = null;
                }
                collect(v, into);
            }
            if (run != null) {
                into.add(text(run.toString()));
            }
        }
    }
}
