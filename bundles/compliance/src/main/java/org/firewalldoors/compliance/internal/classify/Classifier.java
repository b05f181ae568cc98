package org.firewalldoors.compliance.internal.classify;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A logistic-regression model over hashed word n-grams ({@link NGrams}), as trained by {@link Trainer}: the
 * probability that a text is commercial, and the words that weighed most towards it (issue 15). Immutable.
 */
public final class Classifier {

    /** The format of the weights document this class reads and {@link Trainer} writes. */
    public static final int FORMAT = 1;

    private final float bias;
    /**
     * The weights, sparse: a bit per bucket that has one ({@code present}), how many buckets before each 64 have one
     * ({@code rank}), and the weights themselves in bucket order ({@code values}). A few thousand of the 65,536
     * buckets have a weight; the dense array (256 KB) was read at random, one cache miss per word in a decision whose
     * other work had evicted it (the classifier was the largest share of P1's tail). These arrays take 12 KB plus 4
     * bytes a weight, and a bucket without one is answered from the first 8 KB.
     */
    private final long[] present;
    private final int[] rank;
    private final float[] values;

    /** A text's score and the words that raised it most, as written, strongest first. */
    public record Score(double probability, List<String> topFeatures) {
        /** Copies the features. */
        public Score {
            topFeatures = List.copyOf(topFeatures);
        }
    }

    Classifier(float bias, float[] weights) {
        if (weights.length != NGrams.BUCKETS) {
            throw new IllegalArgumentException("weights for " + weights.length + " buckets, not " + NGrams.BUCKETS);
        }
        this.bias = bias;
        present = new long[NGrams.BUCKETS / 64];
        rank = new int[present.length];
        int n = 0;
        for (int b = 0; b < weights.length; b++) {
            if (weights[b] != 0) {
                present[b >>> 6] |= 1L << (b & 63);
                n++;
            }
        }
        values = new float[n];
        int k = 0;
        for (int w = 0; w < present.length; w++) {
            rank[w] = k;
            for (long bits = present[w]; bits != 0; bits &= bits - 1) {
                values[k++] = weights[(w << 6) + Long.numberOfTrailingZeros(bits)];
            }
        }
    }

    /** @return the weight of a bucket (0 for most) */
    private float weight(int bucket) {
        int w = bucket >>> 6;
        long bit = 1L << (bucket & 63);
        long bits = present[w];
        return (bits & bit) == 0 ? 0f : values[rank[w] + Long.bitCount(bits & (bit - 1))];
    }

    /**
     * @param top how many features to quote at most
     * @return the text's score: one pass over its words
     */
    public Score score(String text, int top) {
        double[] sum = { bias };
        Spans spans = new Spans();
        NGrams.scan(text, (bucket, start, end) -> {
            float w = weight(bucket);
            if (w != 0) {
                sum[0] += w;
                if (w > 0) {
                    spans.add(((long) start << 32) | end, w);
                }
            }
        });
        // Strongest first; equal ones in the order their spans were first read (a stable sort).
        Integer[] best = new Integer[spans.n];
        for (int i = 0; i < best.length; i++) {
            best[i] = i;
        }
        java.util.Arrays.sort(best, (a, b) -> Double.compare(spans.values[b], spans.values[a]));
        List<String> quoted = new ArrayList<>(top);
        for (int i : best) {
            if (quoted.size() == top) {
                break;
            }
            long span = spans.keys[i];
            String q = text.substring((int) (span >>> 32), (int) span);
            boolean overlaps = false;
            for (String s : quoted) {
                overlaps |= s.contains(q) || q.contains(s);
            }
            if (!overlaps) {
                quoted.add(q);
            }
        }
        return new Score(1 / (1 + Math.exp(-sum[0])), quoted);
    }

    /**
     * The positive contributions by span (start and end), in the order each span was first read; a span read twice
     * adds up. {@link NGrams#scan} reads a span twice only as a word and then its stem, one right after the other, so
     * looking at the last span read is enough (no map, no boxed numbers: a flagged decision made most of its garbage
     * here).
     */
    private static final class Spans {
        long[] keys = new long[32];
        double[] values = new double[32];
        int n;

        void add(long key, double w) {
            if (n > 0 && keys[n - 1] == key) {
                values[n - 1] += w;
                return;
            }
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            keys[n] = key;
            values[n++] = w;
        }
    }

    /** @return the probability alone */
    public double probability(String text) {
        double[] sum = { bias };
        NGrams.scan(text, (bucket, start, end) -> sum[0] += weight(bucket));
        return 1 / (1 + Math.exp(-sum[0]));
    }

    /**
     * @return the model in a weights document ({@code {"format":1,"buckets":..,"bias":..,"weights":{"bucket":w}}},
     *         zero weights left out)
     * @throws IllegalArgumentException when it is not one
     */
    public static Classifier parse(String json) {
        try {
            JsonObject o = new Gson().fromJson(json, JsonObject.class);
            if (o == null || o.get("format") == null || o.get("format").getAsInt() != FORMAT) {
                throw new IllegalArgumentException("not a weights document of format " + FORMAT);
            }
            if (o.get("buckets").getAsInt() != NGrams.BUCKETS) {
                throw new IllegalArgumentException("weights for " + o.get("buckets") + " buckets, not " + NGrams.BUCKETS);
            }
            float[] weights = new float[NGrams.BUCKETS];
            for (Map.Entry<String, com.google.gson.JsonElement> e : o.getAsJsonObject("weights").entrySet()) {
                weights[Integer.parseInt(e.getKey())] = e.getValue().getAsFloat();
            }
            return new Classifier(o.get("bias").getAsFloat(), weights);
        } catch (JsonParseException | IllegalStateException | NullPointerException | NumberFormatException
                | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a weights document: " + e.getMessage(), e);
        }
    }
}
