package org.firewalldoors.compliance.internal.classify;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final float[] weights;

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
        this.weights = weights;
    }

    /**
     * @param top how many features to quote at most
     * @return the text's score: one pass over its words
     */
    public Score score(String text, int top) {
        double[] sum = { bias };
        // span start and end -> contribution, in text order; a span read twice (word and stem) adds up
        Map<Long, Double> spans = new LinkedHashMap<>();
        NGrams.scan(text, (bucket, start, end) -> {
            float w = weights[bucket];
            if (w != 0) {
                sum[0] += w;
                if (w > 0) {
                    spans.merge(((long) start << 32) | end, (double) w, Double::sum);
                }
            }
        });
        List<Map.Entry<Long, Double>> best = new ArrayList<>(spans.entrySet());
        best.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        List<String> quoted = new ArrayList<>(top);
        for (Map.Entry<Long, Double> e : best) {
            if (quoted.size() == top) {
                break;
            }
            String q = text.substring((int) (e.getKey() >>> 32), (int) (long) e.getKey());
            if (quoted.stream().noneMatch(s -> s.contains(q) || q.contains(s))) {
                quoted.add(q);
            }
        }
        return new Score(1 / (1 + Math.exp(-sum[0])), quoted);
    }

    /** @return the probability alone */
    public double probability(String text) {
        double[] sum = { bias };
        NGrams.scan(text, (bucket, start, end) -> sum[0] += weights[bucket]);
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
