package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts many items by a string key, then by a comparator among equal keys: a multikey quicksort (Bentley and
 * Sedgewick), which looks at each char of the shared prefixes of the keys once per partition instead of once per
 * comparison. A policy's phrases (half a million in P3) share long prefixes, so this is where a comparison sort
 * spends most of the time the automaton takes to build.
 */
final class KeySort {

    private static final int SMALL = 12;

    private KeySort() {
    }

    /**
     * Sorts {@code items} by {@code order}, which must order by {@link PhraseAutomaton.Entry#key()}
     * ({@link String#compareTo}) first.
     */
    static void sort(PhraseAutomaton.Entry[] items, Comparator<PhraseAutomaton.Entry> order) {
        sort(items, 0, items.length, 0, order);
    }

    /** Sorts items[lo, hi), whose keys agree on their first {@code depth} chars. */
    private static void sort(PhraseAutomaton.Entry[] a, int lo, int hi, int depth,
            Comparator<PhraseAutomaton.Entry> order) {
        while (hi - lo > SMALL) {
            swap(a, lo, median(a, lo, lo + (hi - lo) / 2, hi - 1, depth));
            int pivot = charAt(a[lo].key(), depth);
            int lt = lo;
            int gt = hi - 1;
            int i = lo + 1;
            while (i <= gt) {
                int c = charAt(a[i].key(), depth);
                if (c < pivot) {
                    swap(a, lt++, i++);
                } else if (c > pivot) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            // a[lo, lt) < pivot, a[lt, gt] = pivot, a(gt, hi) > pivot at this depth.
            sort(a, lo, lt, depth, order);
            if (pivot >= 0) {
                sort(a, lt, gt + 1, depth + 1, order);
            } else {
                Arrays.sort(a, lt, gt + 1, order); // the same key: by the rest of the order
            }
            lo = gt + 1;
        }
        Arrays.sort(a, lo, hi, order);
    }

    private static int median(PhraseAutomaton.Entry[] a, int i, int j, int k, int depth) {
        int x = charAt(a[i].key(), depth);
        int y = charAt(a[j].key(), depth);
        int z = charAt(a[k].key(), depth);
        if (x < y) {
            return y < z ? j : x < z ? k : i;
        }
        return x < z ? i : y < z ? k : j;
    }

    /** @return the char at {@code depth}, or -1 past the end (a key sorts before the keys it is a prefix of) */
    private static int charAt(String s, int depth) {
        return depth < s.length() ? s.charAt(depth) : -1;
    }

    private static void swap(PhraseAutomaton.Entry[] a, int i, int j) {
        PhraseAutomaton.Entry t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
