package org.firewalldoors.compliance.internal.classify;

/**
 * The features of a text, hashed (issue 15): each word, each pair of adjacent words, and the first five letters of
 * each word of six or more (a crude stem, so that inflections share a feature). Words are runs of letters and digits,
 * lower-cased. A function word ({@link StopWords}: "he", "to", "der", "les") is no feature alone, nor a pair of two of
 * them; a pair of a function word and another word is ("our msl"). A feature keeps the span of the text it was read
 * from, so that a finding quotes it as written.
 */
public final class NGrams {

    /** The number of hash buckets; a power of two. */
    public static final int BUCKETS = 1 << 16;
    private static final int PREFIX = 5;

    /** Receives the features of a text in one pass, with the span each was read from. */
    @FunctionalInterface
    public interface Sink {
        /** @param bucket the feature's bucket; {@code start}, {@code end}: its span in the text */
        void feature(int bucket, int start, int end);
    }

    private NGrams() {
    }

    /** Calls {@code sink} once per feature of {@code text}, in text order. */
    public static void scan(String text, Sink sink) {
        int previousStart = -1;
        int previousEnd = -1;
        int previousHash = 0;
        boolean previousStop = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int word = FNV;
            int prefix = 0;
            int letters = 0;
            while (i < n) {
                c = text.codePointAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                word = mix(word, Character.toLowerCase(c));
                if (++letters == PREFIX) {
                    prefix = word;
                }
                i += Character.charCount(c);
            }
            boolean stop = StopWords.contains(word);
            if (!stop) {
                sink.feature(bucket(mix(word, 'w')), start, i);
            }
            if (letters > PREFIX) {
                sink.feature(bucket(mix(prefix, 'p')), start, i);
            }
            if (previousStart >= 0 && !(stop && previousStop)) {
                sink.feature(bucket(mix(mix(previousHash, ' ') * 31 + word, 'b')), previousStart, i);
            }
            previousStart = start;
            previousEnd = i;
            previousHash = word;
            previousStop = stop;
        }
        assert previousEnd <= n;
    }

    private static final int FNV = 0x811c9dc5;

    /** @return the hash {@link #scan} computes for a word (lower-cased code point by code point) */
    static int wordHash(String word) {
        int h = FNV;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            h = mix(h, Character.toLowerCase(c));
            i += Character.charCount(c);
        }
        return h;
    }

    private static int mix(int hash, int c) {
        return (hash ^ c) * 0x01000193;
    }

    private static int bucket(int hash) {
        return (hash ^ (hash >>> 16)) & (BUCKETS - 1);
    }
}
