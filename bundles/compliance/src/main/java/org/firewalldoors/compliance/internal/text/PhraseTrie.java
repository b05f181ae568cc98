package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;
import java.util.List;

/**
 * The trie of the folded phrase keys, laid out for a walk that touches as few cache lines as it can.
 *
 * <p>States are numbered depth first (in key order), so a chain of states with one child each, which is what most
 * of a large trie is, lies in consecutive entries of every array: the walk reads them in order. The edges of each
 * state, sorted by label, are one {@code long} each (label, and the child's reference), and a reference carries
 * what the walk asks of a state as soon as it gets there: whether it ends a phrase, whether one of those phrases
 * ends in {@code *}, and whether the state has a dense row (a child by each of a-z and 0-9: the states nearest the
 * root with several children, where most steps happen). Immutable and thread-safe.
 */
final class PhraseTrie {

    static final int NONE = -1;
    /** In a reference: the state ends a phrase. */
    static final int ENDS = 1 << 30;
    /** In a reference: some phrase the state ends ends in '*'. */
    static final int PREFIX = 1 << 29;
    /** In a reference: the low bits are the state's dense row, not the state. */
    static final int DENSE = 1 << 28;
    private static final int ID = DENSE - 1;

    /** At most this many states get a dense row, 36 ints each; states with fewer children than this get none. */
    private static final int DENSE_ROWS = 1 << 14;
    private static final int DENSE_FANOUT = 3;
    static final int ALPHABET = 36;
    // For each char below 128: its column in a dense row (a-z, 0-9), or NONE.
    private static final byte[] COLUMN = new byte[128];

    static {
        Arrays.fill(COLUMN, (byte) NONE);
        for (char c = 'a'; c <= 'z'; c++) {
            COLUMN[c] = (byte) (c - 'a');
        }
        for (char c = '0'; c <= '9'; c++) {
            COLUMN[c] = (byte) (26 + c - '0');
        }
    }

    private final int states;
    private final int root;
    // The edges of state s are edges[first[s]] .. edges[first[s + 1] - 1]: label << 32 | the child's reference.
    private final int[] first;
    private final long[] edges;
    private final int[] dense;
    private final int[] denseState;
    // Which states end a phrase, and per 64 states how many before them do: a state's index among them.
    private final long[] ends;
    private final int[] endsBefore;

    private PhraseTrie(int states, int root, int[] first, long[] edges, int[] dense, int[] denseState, long[] ends,
            int[] endsBefore) {
        this.states = states;
        this.root = root;
        this.first = first;
        this.edges = edges;
        this.dense = dense;
        this.denseState = denseState;
        this.ends = ends;
        this.endsBefore = endsBefore;
    }

    /** @return the number of states */
    int states() {
        return states;
    }

    /** @return the reference of the root */
    int root() {
        return root;
    }

    /** @return the reference of the child of the state {@code ref} by {@code c}, or {@link #NONE} */
    int child(int ref, char c) {
        int s;
        if ((ref & DENSE) != 0) {
            int row = ref & ID;
            if (c < 128) {
                int column = COLUMN[c];
                if (column != NONE) {
                    return dense[row * ALPHABET + column];
                }
            }
            s = denseState[row];
        } else {
            s = ref & ID;
        }
        int lo = first[s];
        int hi = first[s + 1];
        if (hi - lo > 8) {
            return search(lo, hi - 1, c);
        }
        for (int e = lo; e < hi; e++) {
            long edge = edges[e];
            int label = (int) (edge >>> 32);
            if (label == c) {
                return (int) edge;
            }
            if (label > c) {
                return NONE;
            }
        }
        return NONE;
    }

    private int search(int lo, int hi, char c) {
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long edge = edges[mid];
            int label = (int) (edge >>> 32);
            if (label < c) {
                lo = mid + 1;
            } else if (label > c) {
                hi = mid - 1;
            } else {
                return (int) edge;
            }
        }
        return NONE;
    }

    /** @return the index of the key that the state {@code ref} (which ends a phrase) ends */
    int key(int ref) {
        int s = (ref & DENSE) != 0 ? denseState[ref & ID] : ref & ID;
        return endsBefore[s >> 6] + Long.bitCount(ends[s >> 6] & ((1L << s) - 1));
    }

    /**
     * @param sortedKeys distinct keys in {@link String#compareTo} order
     * @param prefixKey  for each key, whether one of its phrases ends in '*'
     */
    static PhraseTrie of(List<String> sortedKeys, boolean[] prefixKey) {
        // Inserting sorted keys needs no lookups: a key shares a prefix with the key before it and adds new states
        // after that, each the last child of its parent. States are so created depth first, every state's children
        // in label order, and the state ending key t is created after the one ending key t - 1 (a key sorts after
        // its prefixes): a state's key is its index among the states that end one.
        int capacity = 1;
        for (String k : sortedKeys) {
            capacity += k.length();
        }
        if (capacity > ID) {
            throw new IllegalArgumentException("too many letters in the phrases: " + capacity);
        }
        int[] parent = new int[capacity];
        char[] labels = new char[capacity];
        int[] depth = new int[capacity];
        long[] ends = new long[(capacity >> 6) + 1];
        long[] prefixes = new long[(capacity >> 6) + 1];
        int[] path = new int[16];
        int states = 1;
        String previous = "";
        for (int t = 0; t < sortedKeys.size(); t++) {
            String key = sortedKeys.get(t);
            if (path.length <= key.length()) {
                path = Arrays.copyOf(path, key.length() * 2);
            }
            int common = commonPrefix(previous, key);
            int state = path[common];
            for (int d = common; d < key.length(); d++) {
                parent[states] = state;
                labels[states] = key.charAt(d);
                depth[states] = d + 1;
                state = states++;
                path[d + 1] = state;
            }
            ends[state >> 6] |= 1L << state;
            if (prefixKey[t]) {
                prefixes[state >> 6] |= 1L << state;
            }
            previous = key;
        }
        // Edges in state order: counts per state, then each child appended to its parent's (in label order).
        int[] first = new int[states + 1];
        for (int s = 1; s < states; s++) {
            first[parent[s] + 1]++;
        }
        for (int s = 0; s < states; s++) {
            first[s + 1] += first[s];
        }
        int[] row = denseRows(first, depth, states);
        int rows = 0;
        for (int s = 0; s < states; s++) {
            if (row[s] != NONE) {
                rows++;
            }
        }
        int[] denseState = new int[rows];
        for (int s = 0; s < states; s++) {
            if (row[s] != NONE) {
                denseState[row[s]] = s;
            }
        }
        int[] dense = new int[rows * ALPHABET];
        Arrays.fill(dense, NONE);
        long[] edges = new long[Math.max(states - 1, 0)];
        int[] fill = Arrays.copyOf(first, states);
        for (int s = 1; s < states; s++) {
            int p = parent[s];
            int ref = ref(s, row, ends, prefixes);
            edges[fill[p]++] = (long) labels[s] << 32 | ref & 0xFFFFFFFFL;
            char c = labels[s];
            if (row[p] != NONE && c < 128 && COLUMN[c] != NONE) {
                dense[row[p] * ALPHABET + COLUMN[c]] = ref;
            }
        }
        int[] endsBefore = new int[ends.length];
        for (int w = 1; w < ends.length; w++) {
            endsBefore[w] = endsBefore[w - 1] + Long.bitCount(ends[w - 1]);
        }
        return new PhraseTrie(states, ref(0, row, ends, prefixes), first, edges, dense, denseState, ends, endsBefore);
    }

    private static int ref(int s, int[] row, long[] ends, long[] prefixes) {
        int ref = row[s] != NONE ? row[s] | DENSE : s;
        if ((ends[s >> 6] & 1L << s) != 0) {
            ref |= ENDS;
        }
        if ((prefixes[s >> 6] & 1L << s) != 0) {
            ref |= PREFIX;
        }
        return ref;
    }

    /** @return per state its dense row or NONE: the states with several children nearest the root first */
    private static int[] denseRows(int[] first, int[] depth, int states) {
        int candidates = 0;
        for (int s = 0; s < states; s++) {
            if (first[s + 1] - first[s] >= DENSE_FANOUT) {
                candidates++;
            }
        }
        long[] byDepth = new long[candidates];
        int c = 0;
        for (int s = 0; s < states; s++) {
            if (first[s + 1] - first[s] >= DENSE_FANOUT) {
                byDepth[c++] = (long) depth[s] << 32 | s;
            }
        }
        Arrays.sort(byDepth);
        int[] row = new int[states];
        Arrays.fill(row, NONE);
        for (int r = 0; r < Math.min(candidates, DENSE_ROWS); r++) {
            row[(int) byDepth[r]] = r;
        }
        return row;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
