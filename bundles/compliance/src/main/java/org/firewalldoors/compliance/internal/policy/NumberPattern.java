package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * A phrase with numbers in it (issue 15): {@code #} is any number ({@code 10}, {@code 2.5}, {@code 1,000}),
 * {@code %} a percent sign. {@code top #%} finds "top 10%" and "Top 5 %", {@code d#} finds "D10", {@code # scripts*}
 * finds "40 scripts/mo", {@code q# quota*} finds "Q3 quota". Items written together ({@code d#}, {@code #%}) must be
 * together in the text (a hyphen or, before {@code %}, a space aside); items written apart may be separated by up to
 * three punctuation or space characters. A word may end in {@code *} (it may go on to the end of its token).
 *
 * <p>Matching stays one scan: the automaton looks for the pattern's start, its words up to the first number and that
 * number's first digit ({@code top 1*} ... {@code top 9*}), or up to its first word ending in {@code *}; on a hit,
 * the whole pattern is matched at that place in the text as written. A pattern that starts with a number
 * ({@code # scripts*}) is looked for by its longest word instead (every number of a text would be a hit of a digit),
 * and matched in the few characters around that word's hit. Words compare letter case aside but accents as
 * written. Immutable.
 *
 * @param phrase  the pattern as the policy writes it (what a finding reports)
 * @param anchors the prefix phrases the automaton looks for
 * @param regex   the whole pattern, matched where an anchor was found
 */
record NumberPattern(String phrase, List<String> anchors, Pattern regex, boolean aroundAnchor) {

    private static final String NUMBER = "\\d{1,9}(?:[.,]\\d{1,3})*";
    /** The number of a code ({@code D10}, {@code Q3}): a decile or a quarter, never an identifier ("d876"). */
    private static final String CODE_NUMBER = "\\d{1,2}";
    private static final String APART = "[^\\p{L}\\p{N}%]{1,3}";
    private static final String TOGETHER = "-?";
    private static final String TOKEN_END = "(?![\\p{L}\\p{N}])";

    /** @return whether the phrase has a number in it */
    static boolean isPattern(String phrase) {
        return phrase.indexOf('#') >= 0;
    }

    /** One item of a pattern: a word (maybe ending in {@code *}), a number or a percent sign. */
    private record Item(String word, boolean prefix, boolean number, boolean percent, boolean apart) {
    }

    /** @throws IllegalArgumentException if the pattern starts with {@code %} or has {@code *} inside a word */
    static NumberPattern parse(String phrase) {
        List<Item> items = items(phrase);
        if (items.isEmpty() || items.get(0).percent()) {
            throw new IllegalArgumentException("Number pattern \"" + phrase + "\" must start with a word or #");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (i > 0) {
                regex.append(item.apart() ? APART : item.percent() ? "[-\\s\\u00a0\\u202f]?" : TOGETHER);
            }
            if (item.number()) {
                regex.append(isCode(items, i) ? CODE_NUMBER : NUMBER);
            } else if (item.percent()) {
                regex.append('%');
            } else {
                regex.append(Pattern.quote(item.word())).append(item.prefix() ? "[\\p{L}\\p{N}]*" : "");
            }
            boolean joinedToNext = i + 1 < items.size() && !items.get(i + 1).apart();
            if (!item.percent() && !joinedToNext) {
                regex.append(TOKEN_END);
            }
        }
        boolean leading = items.get(0).number();
        return new NumberPattern(phrase, leading ? List.of(longestWord(phrase, items)) : anchors(phrase, items),
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), leading);
    }

    /** @return whether item {@code i}, a number, is written together after a word of one letter ({@code d#}) */
    private static boolean isCode(List<Item> items, int i) {
        if (i == 0 || items.get(i).apart()) {
            return false;
        }
        Item before = items.get(i - 1);
        return before.word() != null && !before.prefix() && before.word().length() == 1
                && (i == 1 || before.apart());
    }

    /**
     * The anchor of a pattern that starts with a number: its longest word, which a text holds far less often than a
     * digit; a short word that may go on counts less ({@code per*} would be a hit in every "percent").
     */
    private static String longestWord(String phrase, List<Item> items) {
        Item longest = null;
        for (Item item : items) {
            if (item.word() != null && (longest == null || rank(item) > rank(longest))) {
                longest = item;
            }
        }
        if (longest == null || longest.word().length() < 2) {
            throw new IllegalArgumentException("Number pattern \"" + phrase + "\" that starts with # needs a word");
        }
        return longest.word() + (longest.prefix() ? "*" : "");
    }

    private static List<Item> items(String phrase) {
        List<Item> items = new ArrayList<>();
        String s = phrase.strip();
        boolean apart = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '#') {
                items.add(new Item(null, false, true, false, apart));
                apart = false;
                i++;
            } else if (c == '%') {
                items.add(new Item(null, false, false, true, apart));
                apart = false;
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                    end++;
                }
                boolean prefix = end < s.length() && s.charAt(end) == '*';
                if (prefix && end + 1 < s.length() && Character.isLetterOrDigit(s.charAt(end + 1))) {
                    throw new IllegalArgumentException("Number pattern \"" + phrase + "\": '*' ends a word");
                }
                items.add(new Item(s.substring(i, end), prefix, false, false, apart));
                apart = false;
                i = prefix ? end + 1 : end;
            } else {
                apart = true;
                i++;
            }
        }
        return items;
    }

    /** The pattern's words up to its first number (each first digit) or first word ending in '*'. */
    private static List<String> anchors(String phrase, List<Item> items) {
        StringBuilder head = new StringBuilder();
        for (Item item : items) {
            if (item.number()) {
                List<String> anchors = new ArrayList<>();
                for (char digit = '0'; digit <= '9'; digit++) {
                    anchors.add(head + (head.length() > 0 && item.apart() ? " " : "") + digit + "*");
                }
                return anchors;
            }
            if (head.length() > 0 && item.apart()) {
                head.append(' ');
            }
            head.append(item.word());
            if (item.prefix()) {
                return List.of(head + "*");
            }
        }
        throw new IllegalArgumentException("Number pattern \"" + phrase + "\" has no #");
    }

    /**
     * @param found a hit of one of the {@link #anchors} in {@code text}
     * @return the occurrence of the whole pattern that starts there, or {@code null}
     */
    PhraseMatch match(PhraseMatch found, String list, String text) {
        Matcher m = regex.matcher(text);
        if (!aroundAnchor) {
            m.region(found.start(), text.length());
            return m.lookingAt() ? new PhraseMatch(list, phrase, m.start(), m.end(), text.substring(m.start(), m.end()))
                    : null;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        m.region(Math.max(0, found.start() - AROUND), Math.min(text.length(), found.end() + AROUND));
        while (m.find()) {
            boolean tokenStart = m.start() == 0 || !Character.isLetterOrDigit(text.charAt(m.start() - 1));
            if (tokenStart && m.start() <= found.start() && found.end() <= m.end()) {
                return new PhraseMatch(list, phrase, m.start(), m.end(), text.substring(m.start(), m.end()));
            }
        }
        return null;
    }

    private static int rank(Item word) {
        // A word that may go on counts three letters less: "per*" is a hit in every "percent" and "person".
        return word.word().length() * 2 + (word.prefix() ? -6 : 1);
    }

    /** How far around its anchor a pattern that starts with a number is looked for. */
    private static final int AROUND = 48;
}
