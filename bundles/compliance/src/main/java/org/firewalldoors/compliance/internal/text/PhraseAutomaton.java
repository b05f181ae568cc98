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
 * trie from each token start (no failure links); all the walks advance together, letter by letter, so a
 * text is read once, and {@link #find(String)} folds and walks in that same pass. The trie's layout is
 * {@link PhraseTrie}'s. A walk is at most as long as the longest phrase. Immutable and thread-safe.
 */
public final class PhraseAutomaton {

    private final String[] lists;
    private final PhraseTrie trie;
    private final int[] outputStart;
    private final int[] outputList;
    private final String[] outputPhrase;
    // Per output, whether its phrase ends in '*' (its last word may go on to the end of the token).
    private final boolean[] outputPrefix;
    // Per output ending in '*', how many letters its last word has: a token may not start inside them, so that
    // "part*" is not found in "par trimestre".
    private final int[] outputLastWord;

    private PhraseAutomaton(String[] lists, List<String> keys, int[] outputStart, int[] outputList,
            String[] outputPhrase, boolean[] outputPrefix, int[] outputLastWord) {
        this.lists = lists;
        this.outputStart = outputStart;
        this.outputList = outputList;
        this.outputPhrase = outputPhrase;
        this.outputPrefix = outputPrefix;
        this.outputLastWord = outputLastWord;
        boolean[] prefixKey = new boolean[keys.size()];
        for (int t = 0; t < keys.size(); t++) {
            for (int o = outputStart[t]; o < outputStart[t + 1]; o++) {
                prefixKey[t] |= outputPrefix[o];
            }
        }
        this.trie = PhraseTrie.of(keys, prefixKey);
    }

    /** Each thread's walk for the scans of folded text (find, matchesAny), none of which calls another. */
    private static final ThreadLocal<PhraseWalk> WALKS = ThreadLocal.withInitial(PhraseWalk::new);

    /** {@link PhraseMatch#ORDER}, written out: it sorts every scan's matches. */
    private static final Comparator<PhraseMatch> BY_POSITION = (a, b) -> {
        int c = Integer.compare(a.start(), b.start());
        if (c == 0) {
            c = Integer.compare(a.end(), b.end());
        }
        if (c == 0) {
            c = a.list().compareTo(b.list());
        }
        return c != 0 ? c : a.phrase().compareTo(b.phrase());
    };

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
        return trie.states();
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
        PhraseWalk walk = WALKS.get().reset(trie);
        String letters = text.letters();
        for (int i = 0, n = letters.length(); i < n; i++) {
            walk.step(letters.charAt(i), i, text.tokenStartsAt(i));
        }
        List<PhraseMatch> matches = new ArrayList<>();
        for (int h = 0; h < walk.hits(); h++) {
            occurrences(text, walk, h, wanted, matches);
        }
        if (walk.large()) {
            WALKS.remove(); // a long text's arrays are not kept by the thread
        }
        matches.sort(BY_POSITION);
        return matches;
    }

    /**
     * Folds {@code text} as {@link TextNormalizer#normalize} does and finds what {@link #find(NormalizedText)} finds
     * in the folded text, in one pass over the text: each letter goes into the walks as it is folded, and no folded
     * text is built.
     *
     * @return every occurrence of every phrase of every list, in {@link PhraseMatch#ORDER}
     */
    public List<PhraseMatch> find(String text) {
        Objects.requireNonNull(text, "text");
        FoldingBuffer folded = FoldingBuffer.start(text, trie);
        try {
            TextNormalizer.fold(text, folded);
            PhraseWalk walk = folded.walk();
            List<PhraseMatch> matches = new ArrayList<>();
            for (int h = 0; h < walk.hits(); h++) {
                occurrences(folded, walk, h, null, matches);
            }
            matches.sort(BY_POSITION);
            return matches;
        } finally {
            folded.release();
        }
    }

    /**
     * Whether {@link #matchesAny(NormalizedText, Set)} is true of {@code text} folded by {@link TextNormalizer}:
     * folds and walks in one pass without keeping the folded text, which a text without any phrase (most) never
     * needs; a text where a walk reaches the end of a phrase is folded again to settle it. The text may be a
     * builder that is not made into a string unless that is needed.
     *
     * @param lists the lists to look for, or {@code null} for all
     */
    public boolean matchesAny(CharSequence text, Set<String> lists) {
        Objects.requireNonNull(text, "text");
        return walk(text) > 0 && matchesAny(TextNormalizer.normalize(text.toString()), lists);
    }

    /**
     * Folds {@code text} as {@link TextNormalizer#fold} does, but keeps nothing of it: each folded letter goes into
     * the walks, whose token starts are where a letter follows a separator (or the start).
     *
     * @return how many times a walk reached the end of a phrase
     */
    private int walk(CharSequence text) {
        PhraseWalk walk = WALKS.get().reset(trie);
        int letters = 0;
        boolean inToken = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            char ch = text.charAt(i);
            if (ch < CharFolding.SIMPLE_END) {
                char f = CharFolding.simple(ch);
                if (f == CharFolding.SIMPLE_SEPARATOR) {
                    inToken = false;
                    i++;
                    continue;
                }
                if (f != CharFolding.NOT_SIMPLE) {
                    // Inside a token where every walk has ended, a letter starts nothing: only separators matter.
                    if (!inToken || walk.walking()) {
                        walk.step(f, letters, !inToken);
                    }
                    letters++;
                    inToken = true;
                    i++;
                    continue;
                }
            }
            int cp = Character.codePointAt(text, i);
            String folded = CharFolding.fold(cp);
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (c == CharFolding.SEPARATOR) {
                    inToken = false;
                } else {
                    walk.step(c, letters++, !inToken);
                    inToken = true;
                }
            }
            i += Character.charCount(cp);
        }
        int hits = walk.hits();
        if (walk.large()) {
            WALKS.remove();
        }
        return hits;
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
        PhraseWalk walk = WALKS.get().reset(trie);
        String letters = text.letters();
        int checked = 0;
        for (int i = 0, n = letters.length(); i < n; i++) {
            walk.step(letters.charAt(i), i, text.tokenStartsAt(i));
            for (; checked < walk.hits(); checked++) {
                if (occurs(text, walk, checked, wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds the occurrences of hit {@code h} (one per output of its state that is wanted and found there). */
    private void occurrences(FoldedSpans text, PhraseWalk walk, int h, BitSet wanted, List<PhraseMatch> into) {
        int ref = walk.state(h);
        int at = walk.at(h);
        boolean tokenEnd = text.tokenEndsAt(at);
        if (!tokenEnd && (ref & PhraseTrie.PREFIX) == 0) {
            return;
        }
        int t = trie.key(ref);
        int from = text.originalStart(walk.from(h));
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
            into.add(new PhraseMatch(this.lists[outputList[o]], outputPhrase[o], from, text.originalEnd(end),
                    original));
        }
    }

    /** @return whether hit {@code h} is an occurrence of a wanted phrase */
    private boolean occurs(FoldedSpans text, PhraseWalk walk, int h, BitSet wanted) {
        int ref = walk.state(h);
        int at = walk.at(h);
        boolean tokenEnd = text.tokenEndsAt(at);
        if (!tokenEnd && (ref & PhraseTrie.PREFIX) == 0) {
            return false;
        }
        int t = trie.key(ref);
        for (int o = outputStart[t]; o < outputStart[t + 1]; o++) {
            if ((wanted == null || wanted.get(outputList[o])) && (tokenEnd || prefixAt(text, o, at))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether output {@code o} ends in '*' and its last word lies within one token of the text */
    private boolean prefixAt(FoldedSpans text, int o, int at) {
        if (!outputPrefix[o]) {
            return false;
        }
        int tokenStart = text.nextTokenStart(at - outputLastWord[o] + 2);
        return tokenStart < 0 || tokenStart > at;
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
            KeySort.sort(sorted, Entry.ORDER);
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
            return new PhraseAutomaton(names, keys, Arrays.copyOf(outputStart, keys.size() + 1),
                    Arrays.copyOf(outputList, outputs), Arrays.copyOf(outputPhrase, outputs),
                    Arrays.copyOf(outputPrefix, outputs), Arrays.copyOf(outputLastWord, outputs));
        }
    }

    record Entry(String key, int list, String phrase, boolean prefix, int lastWord, int order) {
        /** By key, list, without '*' before with, then as added; written out, as it sorts every phrase. */
        static final Comparator<Entry> ORDER = (a, b) -> {
            int c = a.key.compareTo(b.key);
            if (c == 0) {
                c = Integer.compare(a.list, b.list);
            }
            if (c == 0) {
                c = Boolean.compare(a.prefix, b.prefix);
            }
            return c != 0 ? c : Integer.compare(a.order, b.order);
        };
    }
}
