package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A text as {@link TextNormalizer} folds it, while it grows, in buffers that each thread reuses: only a finished
 * {@link NormalizedText}'s own arrays are allocated, at their size, and a scan that folds and walks in one pass
 * ({@link PhraseAutomaton#find(String)}) allocates none. Each folded letter is handed to the attached
 * {@link PhraseWalk}, if any, as soon as it is folded.
 */
final class FoldingBuffer implements FoldedSpans {

    /**
     * Buffers grown beyond this many chars are not kept for the next text: a thread keeps at most about
     * 80 KB (a server has many threads); longer texts get buffers of their own.
     */
    private static final int KEPT = 8192;
    private static final ThreadLocal<FoldingBuffer> BUFFERS = ThreadLocal.withInitial(() -> new FoldingBuffer(2048));

    private char[] letters;
    private int[] starts;
    private int[] ends;
    private long[] tokenStarts;
    private long[] tokenEnds;
    private int n;
    private boolean inToken;
    private int lastEnd;
    private String original;
    private PhraseWalk walk;
    /** This thread's walk, reset for each scan that folds and walks in one pass. */
    private PhraseWalk ownWalk;

    private FoldingBuffer(int capacity) {
        letters = new char[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        tokenStarts = new long[(capacity >> 6) + 1];
        tokenEnds = new long[(capacity >> 6) + 1];
    }

    /** @return this thread's buffers, emptied, for {@code original}, keeping spans and handing letters to no walk */
    static FoldingBuffer start(String original) {
        return start(original, null);
    }

    /**
     * @param trie the trie to walk, letter by letter, as the text is folded, or null
     * @return this thread's buffers, emptied, for {@code original}; {@link #walk()} is the walk
     */
    static FoldingBuffer start(String original, PhraseTrie trie) {
        FoldingBuffer f = BUFFERS.get();
        if (f.original != null) {
            // Folding inside a fold (nothing does this today): buffers of its own rather than the busy ones.
            f = new FoldingBuffer(Math.max(16, original.length()));
        } else if (f.letters.length < original.length()) {
            f.grow(original.length());
        }
        // Bits are set below n only; cleared here, not at the end, so that a text left unfinished
        // (an exception while folding) cannot leave any behind.
        for (int w = Math.min(f.n >> 6, f.tokenStarts.length - 1); w >= 0; w--) {
            f.tokenStarts[w] = 0L;
            f.tokenEnds[w] = 0L;
        }
        f.n = 0;
        f.inToken = false;
        f.lastEnd = -1;
        f.original = original;
        if (trie == null) {
            f.walk = null;
        } else {
            if (f.ownWalk == null) {
                f.ownWalk = new PhraseWalk();
            }
            f.walk = f.ownWalk.reset(trie);
        }
        return f;
    }

    /** @return the walk of this scan, or null */
    PhraseWalk walk() {
        return walk;
    }

    void letter(char c, int start, int end) {
        boolean tokenStart = !inToken;
        inToken = true;
        if (n == letters.length) {
            grow(n * 2 + 1);
        }
        if (tokenStart) {
            tokenStarts[n >> 6] |= 1L << n;
        }
        letters[n] = c;
        starts[n] = start;
        ends[n] = end;
        lastEnd = end;
        if (walk != null) {
            walk.step(c, n, tokenStart);
        }
        n++;
    }

    void separator() {
        if (inToken) {
            tokenEnds[(n - 1) >> 6] |= 1L << (n - 1);
            inToken = false;
        }
    }

    /** A combining mark right after a letter becomes part of that letter's span. */
    void extendLastLetter(int start, int end, int cp) {
        if (inToken && lastEnd == start && CharFolding.isMark(cp)) {
            ends[n - 1] = end;
            lastEnd = end;
        }
    }

    private void grow(int capacity) {
        letters = Arrays.copyOf(letters, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        tokenStarts = Arrays.copyOf(tokenStarts, (capacity >> 6) + 1);
        tokenEnds = Arrays.copyOf(tokenEnds, (capacity >> 6) + 1);
    }

    /** @return the finished text, in arrays of its own; the buffers are free again */
    NormalizedText text() {
        int words = (n + 63) >> 6;
        NormalizedText text = NormalizedText.of(original, new String(letters, 0, n), Arrays.copyOf(starts, n),
                Arrays.copyOf(ends, n), BitSet.valueOf(Arrays.copyOf(tokenStarts, words)),
                BitSet.valueOf(Arrays.copyOf(tokenEnds, words)));
        release();
        return text;
    }

    /** Frees the buffers for the next text of this thread (done with them, or given up on). */
    void release() {
        walk = null;
        original = null;
        if (ownWalk != null && ownWalk.large()) {
            ownWalk = null;
        }
        if (letters.length > KEPT && BUFFERS.get() == this) {
            BUFFERS.remove();
        }
    }

    @Override
    public String original() {
        return original;
    }

    @Override
    public int originalStart(int i) {
        return starts[i];
    }

    @Override
    public int originalEnd(int i) {
        return ends[i];
    }

    @Override
    public boolean tokenEndsAt(int i) {
        return (tokenEnds[i >> 6] & 1L << i) != 0;
    }

    @Override
    public int nextTokenStart(int from) {
        return next(tokenStarts, from);
    }

    @Override
    public int nextTokenEnd(int from) {
        return next(tokenEnds, from);
    }

    private int next(long[] bits, int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("from " + from);
        }
        if (from >= n) {
            return -1;
        }
        int word = from >> 6;
        long w = bits[word] & (-1L << from);
        int last = (n - 1) >> 6;
        while (true) {
            if (w != 0) {
                int i = (word << 6) + Long.numberOfTrailingZeros(w);
                return i < n ? i : -1;
            }
            if (++word > last) {
                return -1;
            }
            w = bits[word];
        }
    }
}
