package org.firewalldoors.compliance.internal.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence a FLAG finding is about (issue 15): the sentence of the operation's texts that holds the first words
 * the finding quotes, kept with the review item so that a reviewer's label can become a training row.
 */
final class FlaggedExcerpt {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final int MAX = 1000;

    private FlaggedExcerpt() {
    }

    /** @return the sentence, or null when the message quotes nothing found in the values */
    static String of(Map<String, Object> values, String message) {
        if (values == null || message == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(message);
        if (!m.find()) {
            return null;
        }
        String quoted = m.group(1);
        List<String> texts = new ArrayList<>();
        collect(values.values(), texts);
        for (String text : texts) {
            int at = text.indexOf(quoted);
            if (at >= 0) {
                int start = at;
                while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
                    start--;
                }
                int end = at + quoted.length();
                while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String sentence = text.substring(start, Math.min(text.length(), end + 1)).strip();
                return sentence.length() > MAX ? sentence.substring(0, MAX) : sentence;
            }
        }
        return null;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Map<?, ?> map) {
            collect(map.values(), into);
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }
}
