package org.firewalldoors.compliance.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the phrases of many term lists in a text at once (X4): one trie
 * over the folded letters of every phrase (see {@link TextNormalizer}), so
 * separators, case, accents, width, invisible characters and look-alikes
 * inside an occurrence do not hide it.
 *
 * <p>An occurrence counts only when it starts where a token of the text starts
 * and ends where a token ends: "d e c i l e" and "de-cile" are "decile", but
 * "switchboard" and "is witch" are not "switch". Phrases therefore match whole
 * words only: "converted" is not "convert" unless the list says so, or the
 * phrase ends in {@code *} ({@code convert*}), which lets its last word go on
 * to the end of the token ("converted", "conversions" for {@code conver*}). Since occurrences start only at token starts, the scan walks the
 * trie from each token start (no failure links); the states nearest the root,
 * where most steps happen, have a dense transition table over a-z and 0-9.
 * A walk is at most as long as the longest phrase. Immutable and thread-safe.
 */
public final class PhraseAutomaton {

    private static final int NONE = -1;

    private final String[] lists;
    // States are numbered breadth first, so the children of state s are the states
    // childStart[s] .. childStart[s + 1] - 1, sorted by their label.
    private final int[] childStart;
    private final char[] label;
    // Per state, its index among the states that end a phrase, or NONE.
    private final int[] terminal;
    // Per state, whether it ends a phrase: a bit set 32 times smaller than terminal, which caches hold.
    private final long[] ends;
    // For the states below denseStates: the child by each letter a-z and digit 0-9, or NONE.
    private final int denseStates;
    private final int[] dense;
    private final int[] outputStart;
    private final int[] outputList;
    private final String[] outputPhrase;
    // Per output, whether its phrase ends in '*' (its last word may go on to the end of the token).
    private final boolean[] outputPrefix;
    // Per output ending in '*', how many letters its last word has: a token may not start inside them, so that
    // "part*" is not found in "par trimestre".
    private final int[] outputLastWord;
    // Per state, whether some output of it ends in '*': the bit set that lets such a state match inside a token.
    private final long[] prefixEnds;

    private PhraseAutomaton(String[] lists, Trie trie, int[] outputStart, int[] outputList, String[] outputPhrase,
            boolean[] outputPrefix, int[] outputLastWord) {
        this.lists = lists;
        this.childStart = trie.childStart;
        this.label = trie.label;
        this.terminal = trie.terminal;
        this.outputStart = outputStart;
        this.outputList = outputList;
        this.outputPhrase = outputPhrase;
        this.outputPrefix = outputPrefix;
        this.outputLastWord = outputLastWord;
        this.ends = new long[(label.length >> 6) + 1];
        this.prefixEnds = new long[(label.length >> 6) + 1];
        for (int state = 0; state < terminal.length; state++) {
            if (terminal[state] != NONE) {
                ends[state >> 6] |= 1L << state;
                for (int o = outputStart[terminal[state]]; o < outputStart[terminal[state] + 1]; o++) {
                    if (outputPrefix[o]) {
                        prefixEnds[state >> 6] |= 1L << state;
                    }
                }
            }
        }
        this.denseStates = Math.min(label.length, DENSE_STATES);
        this.dense = dense(childStart, label, denseStates);
    }

    /** At most this many states (breadth first: the nearest the root) get a dense row, 36 ints each. */
    private static final int DENSE_STATES = 1 << 14;
    private static final int ALPHABET = 36;
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

    private static int[] dense(int[] childStart, char[] label, int states) {
        int[] dense = new int[states * ALPHABET];
        Arrays.fill(dense, NONE);
        for (int s = 0; s < states; s++) {
            for (int child = childStart[s]; child < childStart[s + 1]; child++) {
                char c = label[child];
                if (c < 128 && COLUMN[c] != NONE) {
                    dense[s * ALPHABET + COLUMN[c]] = child;
                }
            }
        }
        return dense;
    }

    /** @return a builder for a new automaton */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the names of the term lists, in the order they were first added */
    public List<String> lists() {
        return List.of(lists);
    }

    /** @return the number of automaton states, for diagnostics */
    public int stateCount() {
        return label.length;
    }

    /** @return every occurrence of every phrase of every list, in {@link PhraseMatch#ORDER} */
    public List<PhraseMatch> find(NormalizedText text) {
        return find(text, null);
    }

    /**
     * @param lists the lists to look for, or {@code null} for all
     * @return every occurrence of a phrase of those lists, in {@link PhraseMatch#ORDER}
     */
    public List<PhraseMatch> find(NormalizedText text, Set<String> lists) {
        BitSet wanted = wanted(lists);
        List<PhraseMatch> matches = new ArrayList<>();
        scan(text, (t, at, start, tokenEnd) -> {
            int from = text.originalStart(start);
            String whole = null;
            String prefixed = null;
            for (int o = outputStart[t]; o < outputStart[t + 1]; o++) {
                if (wanted != null && !wanted.get(outputList[o]) || !tokenEnd && !prefixAt(text, o, at)) {
                    continue;
                }
                int end = tokenEnd ? at : text.nextTokenEnd(at);
                String original;
                if (tokenEnd) {
                    original = whole == null ? whole = text.original().substring(from, text.originalEnd(at)) : whole;
                } else {
                    original = prefixed == null ? prefixed = text.original().substring(from, text.originalEnd(end))
                            : prefixed;
                }
                matches.add(new PhraseMatch(this.lists[outputList[o]], outputPhrase[o], from, text.originalEnd(end),
                        original));
            }
            return true;
        });
        matches.sort(PhraseMatch.ORDER);
        return matches;
    }

    /** @return whether any phrase of any list occurs in {@code text} */
    public boolean matchesAny(NormalizedText text) {
        return matchesAny(text, null);
    }

    /**
     * @param lists the lists to look for, or {@code null} for all
     * @return whether any phrase of those lists occurs in {@code text}; stops at the first
     */
    public boolean matchesAny(NormalizedText text, Set<String> lists) {
        BitSet wanted = wanted(lists);
        if (wanted != null && wanted.isEmpty()) {
            return false;
        }
        boolean[] found = new boolean[1];
        scan(text, (t, at, start, tokenEnd) -> {
            for (int o = outputStart[t]; o < outputStart[t + 1]; o++) {
                if ((wanted == null || wanted.get(outputList[o])) && (tokenEnd || prefixAt(text, o, at))) {
                    found[0] = true;
                    return false;
                }
            }
            return true;
        });
        return found[0];
    }

    /** @return whether output {@code o} ends in '*' and its last word lies within one token of the text */
    private boolean prefixAt(NormalizedText text, int o, int at) {
        if (!outputPrefix[o]) {
            return false;
        }
        int tokenStart = text.nextTokenStart(at - outputLastWord[o] + 2);
        return tokenStart < 0 || tokenStart > at;
    }

    /**
     * Receives occurrences that start a token and end one ({@code tokenEnd}), or end inside one at a state with a
     * {@code *} output; returns whether to go on.
     */
    private interface Visitor {
        boolean visit(int terminal, int endLetter, int startLetter, boolean tokenEnd);
    }

    private void scan(NormalizedText text, Visitor visitor) {
        String letters = text.letters();
        int length = letters.length();
        for (int from = text.nextTokenStart(0); from >= 0; from = text.nextTokenStart(from + 1)) {
            int state = 0;
            for (int i = from; i < length; i++) {
                state = child(state, letters.charAt(i));
                if (state == NONE) {
                    break;
                }
                // The text's own bit first, then the small bit set: they spare most lookups in the large table.
                if ((ends[state >> 6] & 1L << state) != 0) {
                    boolean tokenEnd = text.tokenEndsAt(i);
                    if ((tokenEnd || (prefixEnds[state >> 6] & 1L << state) != 0)
                            && !visitor.visit(terminal[state], i, from, tokenEnd)) {
                        return;
                    }
                }
            }
        }
    }

    private int child(int state, char c) {
        if (state < denseStates && c < 128) {
            int column = COLUMN[c];
            if (column != NONE) {
                return dense[state * ALPHABET + column];
            }
        }
        int lo = childStart[state];
        int hi = childStart[state + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = label[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return NONE;
    }

    private BitSet wanted(Set<String> names) {
        if (names == null) {
            return null;
        }
        BitSet wanted = new BitSet(lists.length);
        for (int i = 0; i < lists.length; i++) {
            if (names.contains(lists[i])) {
                wanted.set(i);
            }
        }
        return wanted;
    }

    /** Collects phrases by list; not thread-safe. */
    public static final class Builder {

        private final Map<String, Integer> listIds = new LinkedHashMap<>();
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a phrase to a term list. A phrase that ends in {@code *} matches where its last word goes on to the
         * end of a token ({@code prescri*}: "prescribing", "prescriptions").
         *
         * @throws IllegalArgumentException if the phrase has no letters or digits
         */
        public Builder add(String listName, String phrase) {
            Objects.requireNonNull(listName, "listName");
            Objects.requireNonNull(phrase, "phrase");
            String trimmed = phrase.strip();
            boolean prefix = trimmed.endsWith("*");
            NormalizedText folded = TextNormalizer.normalize(prefix ? trimmed.substring(0, trimmed.length() - 1) : phrase);
            String key = folded.letters();
            int lastWordStart = 0;
            for (int i = 0; i < key.length(); i++) {
                if (folded.tokenStartsAt(i)) {
                    lastWordStart = i;
                }
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException(
                        "Phrase \"" + phrase + "\" of term list \"" + listName + "\" has no letters or digits");
            }
            int list = listIds.computeIfAbsent(listName, n -> listIds.size());
            entries.add(new Entry(key, list, phrase, prefix, key.length() - lastWordStart, entries.size()));
            return this;
        }

        /** Adds every phrase to a term list. */
        public Builder addAll(String listName, Iterable<String> phrases) {
            for (String phrase : phrases) {
                add(listName, phrase);
            }
            return this;
        }

        /** @return the automaton over every phrase added so far */
        public PhraseAutomaton build() {
            Entry[] sorted = entries.toArray(new Entry[0]);
            Arrays.sort(sorted, Entry.ORDER);
            List<String> keys = new ArrayList<>();
            int[] outputStart = new int[sorted.length + 1];
            int[] outputList = new int[sorted.length];
            String[] outputPhrase = new String[sorted.length];
            boolean[] outputPrefix = new boolean[sorted.length];
            int[] outputLastWord = new int[sorted.length];
            int outputs = 0;
            Entry previous = null;
            for (Entry e : sorted) {
                boolean newKey = previous == null || !previous.key.equals(e.key);
                // The same folded phrase twice in one list (Decile, décile) is reported once, as first written.
                if (!newKey && previous.list == e.list && previous.prefix == e.prefix) {
                    continue;
                }
                if (newKey) {
                    outputStart[keys.size()] = outputs;
                    keys.add(e.key);
                }
                outputList[outputs] = e.list;
                outputPhrase[outputs] = e.phrase;
                outputPrefix[outputs] = e.prefix;
                outputLastWord[outputs] = e.lastWord;
                outputs++;
                previous = e;
            }
            outputStart[keys.size()] = outputs;
            String[] names = listIds.keySet().toArray(new String[0]);
            return new PhraseAutomaton(names, Trie.of(keys), Arrays.copyOf(outputStart, keys.size() + 1),
                    Arrays.copyOf(outputList, outputs), Arrays.copyOf(outputPhrase, outputs),
                    Arrays.copyOf(outputPrefix, outputs), Arrays.copyOf(outputLastWord, outputs));
        }
    }

    private record Entry(String key, int list, String phrase, boolean prefix, int lastWord, int order) {
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::key).thenComparingInt(Entry::list)
                .thenComparing(Entry::prefix).thenComparingInt(Entry::order);
    }

    /** The trie of sorted, distinct keys, numbered breadth first. */
    private static final class Trie {
        int[] childStart;
        char[] label;
        int[] terminal;

        static Trie of(List<String> sortedKeys) {
            // Inserting sorted keys needs no lookups: a key shares a prefix with the key
            // before it and adds new states after that, each the last child of its parent,
            // so every state's children are created in label order.
            int capacity = 1;
            for (String k : sortedKeys) {
                capacity += k.length();
            }
            int[] parent = new int[capacity];
            char[] labels = new char[capacity];
            int[] terminalOf = new int[capacity];
            Arrays.fill(terminalOf, NONE);
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
                    state = states++;
                    path[d + 1] = state;
                }
                terminalOf[state] = t;
                previous = key;
            }
            return breadthFirst(parent, labels, terminalOf, states);
        }

        private static Trie breadthFirst(int[] parent, char[] labels, int[] terminalOf, int states) {
            // Children of each state, in creation (= label) order: a stable counting sort by parent.
            int[] firstChild = new int[states + 1];
            for (int s = 1; s < states; s++) {
                firstChild[parent[s] + 1]++;
            }
            for (int s = 0; s < states; s++) {
                firstChild[s + 1] += firstChild[s];
            }
            int[] children = new int[Math.max(states - 1, 0)];
            int[] fill = Arrays.copyOf(firstChild, states);
            for (int s = 1; s < states; s++) {
                children[fill[parent[s]]++] = s;
            }
            int[] order = new int[states];
            Trie trie = new Trie();
            trie.childStart = new int[states + 1];
            int appended = 1;
            for (int n = 0; n < states; n++) {
                int s = order[n];
                trie.childStart[n] = appended;
                for (int c = firstChild[s]; c < firstChild[s + 1]; c++) {
                    order[appended++] = children[c];
                }
            }
            trie.childStart[states] = appended;
            trie.label = new char[states];
            trie.terminal = new int[states];
            for (int n = 0; n < states; n++) {
                trie.label[n] = labels[order[n]];
                trie.terminal[n] = terminalOf[order[n]];
            }
            return trie;
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
}
