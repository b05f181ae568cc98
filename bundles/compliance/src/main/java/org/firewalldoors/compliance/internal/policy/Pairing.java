package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * The matches of one text, indexed for pairing the sides of proximity phrases and for cancelling matches inside
 * exceptions, in time that grows with the pairs found rather than with the square of the matches: a text made of one
 * side phrase repeated ({@code "top 10% in"} four thousand times) took 19 s to scan when every side was tried against
 * every match.
 */
final class Pairing {

    private static final Comparator<PhraseMatch> BY_END = Comparator.comparingInt(PhraseMatch::end);

    /** Up to this many matches, a search tries each one: cheaper than an index for the short texts most are. */
    private static final int SMALL = 24;

    private final String text;
    private final List<PhraseMatch> found;
    /** By list: its matches in the order of the text (by start, then end); made when first asked of many. */
    private Map<String, List<PhraseMatch>> byList;
    /** By list, made when first asked: its matches by end. */
    private final Map<String, List<PhraseMatch>> byEnd = new HashMap<>();
    /** {@code starts[k]}: how many words start before index {@code k} of the text; made when first asked. */
    private int[] starts;
    /** How many matches {@link #after} and {@link #before} have looked at (for tests of the work done). */
    private long examined;

    /** @param found the matches of {@code text}, sorted by start, then end */
    Pairing(String text, List<PhraseMatch> found) {
        this.text = text;
        this.found = found;
    }

    /** @return the matches of {@code list} in text order, through the index (made when first asked) */
    private List<PhraseMatch> of(String list) {
        if (byList == null) {
            byList = new HashMap<>();
            for (PhraseMatch m : found) {
                byList.computeIfAbsent(m.list(), k -> new ArrayList<>()).add(m);
            }
        }
        return byList.get(list);
    }

    /**
     * @return the matches of list {@code second} that start at or after {@code a} ends with at most {@code within}
     *         words between them, in text order
     */
    List<PhraseMatch> after(PhraseMatch a, String second, int within) {
        if (found.size() <= SMALL) {
            return each(a, second, within, true);
        }
        List<PhraseMatch> bs = of(second);
        if (bs == null) {
            return List.of();
        }
        return reach(bs, firstStartingAtOrAfter(bs, a.end()), 1, a, within, true);
    }

    /**
     * @return the matches of list {@code second} that end at or before {@code a} starts with at most {@code within}
     *         words between them, nearest first
     */
    List<PhraseMatch> before(PhraseMatch a, String second, int within) {
        if (found.size() <= SMALL) {
            return each(a, second, within, false);
        }
        List<PhraseMatch> bs = byEnd.get(second);
        if (bs == null) {
            bs = of(second);
            if (bs == null) {
                return List.of();
            }
            bs = new ArrayList<>(bs);
            bs.sort(BY_END);
            byEnd.put(second, bs);
        }
        return reach(bs, lastEndingAtOrBefore(bs, a.start()), -1, a, within, false);
    }

    /**
     * @param bs   one list's matches, in the order that moves away from {@code a} when {@code i} moves by {@code step}
     * @param from the first of them on the right side of {@code a}
     * @return those within reach, walking away from {@code a} until the first one too far: the words between only
     *         grow on the way
     */
    private List<PhraseMatch> reach(List<PhraseMatch> bs, int from, int step, PhraseMatch a, int within,
            boolean after) {
        List<PhraseMatch> out = null;
        for (int i = from; i >= 0 && i < bs.size(); i += step) {
            PhraseMatch b = bs.get(i);
            examined++;
            if (gap(a, b, after) > within) {
                break;
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(b);
        }
        return out == null ? List.of() : out;
    }

    /** {@link #after} or {@link #before} of a few matches: each one tried. */
    private List<PhraseMatch> each(PhraseMatch a, String second, int within, boolean after) {
        List<PhraseMatch> out = null;
        for (PhraseMatch b : found) {
            boolean side = after ? b.start() >= a.end() : b.end() <= a.start();
            if (side && b.list().equals(second) && gap(a, b, after) <= within) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(b);
            }
        }
        return out == null ? List.of() : out;
    }

    /** @return the words between {@code a} and {@code b}, which lies after it ({@code after}) or before it */
    private int gap(PhraseMatch a, PhraseMatch b, boolean after) {
        return after ? wordsBetween(a.end(), b.start()) : wordsBetween(b.end(), a.start());
    }

    /** @return how many matches the searches have looked at so far */
    long examined() {
        return examined;
    }

    /**
     * @return how many words lie in {@code [from, to)}: runs of letters or digits that start there, a run that
     *         {@code from} falls inside counting as one
     */
    int wordsBetween(int from, int to) {
        if (to <= from) {
            return 0;
        }
        if (starts == null) {
            starts = new int[text.length() + 1];
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean letter = Character.isLetterOrDigit(text.charAt(i));
                starts[i + 1] = starts[i] + (letter && !inWord ? 1 : 0);
                inWord = letter;
            }
        }
        return (Character.isLetterOrDigit(text.charAt(from)) ? 1 : 0) + starts[to] - starts[from + 1];
    }

    private static int firstStartingAtOrAfter(List<PhraseMatch> bs, int position) {
        int lo = 0;
        int hi = bs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bs.get(mid).start() < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lastEndingAtOrBefore(List<PhraseMatch> bs, int position) {
        int lo = 0;
        int hi = bs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bs.get(mid).end() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * Spans that cancel matches lying inside one of them (a list's exceptions found in a text), asked in
     * logarithmic time however many there are.
     */
    static final class Covering {
        private final int[] startsSorted;
        /** {@code maxEnd[i]}: the furthest end among the spans {@code 0..i} by start. */
        private final int[] maxEnd;

        Covering(List<PhraseMatch> spans) {
            List<PhraseMatch> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(PhraseMatch::start));
            startsSorted = new int[sorted.size()];
            maxEnd = new int[sorted.size()];
            int furthest = Integer.MIN_VALUE;
            for (int i = 0; i < sorted.size(); i++) {
                startsSorted[i] = sorted.get(i).start();
                furthest = Math.max(furthest, sorted.get(i).end());
                maxEnd[i] = furthest;
            }
        }

        /** @return whether some span starts at or before {@code m} starts and ends at or after it ends */
        boolean covers(PhraseMatch m) {
            int lo = 0;
            int hi = startsSorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (startsSorted[mid] <= m.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo > 0 && maxEnd[lo - 1] >= m.end();
        }
    }
}
