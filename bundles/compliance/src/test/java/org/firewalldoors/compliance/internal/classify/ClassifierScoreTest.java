package org.firewalldoors.compliance.internal.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.firewalldoors.compliance.internal.evaluation.CorpusRow;
import org.firewalldoors.compliance.internal.evaluation.PolicyEvaluation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A score is what the model's definition gives: the sum of the weights of a text's features, and as top features the
 * spans whose weights add up highest (a span read twice counts once, with both weights), strongest first, ties in text
 * order, none inside another. Checked against that definition written the plain way (a map of spans, boxed sums) on
 * every text of the shipped policies' corpora, with the shipped weights.
 */
class ClassifierScoreTest {

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void everyCorpusTextScoresAsTheDefinitionSays(String policy) throws Exception {
        String json = Files.readString(Path.of("..", "policy-" + policy, "src/main/resources/policy/" + policy
                + "-classifier.json"), StandardCharsets.UTF_8);
        Classifier model = Classifier.parse(json);
        JsonObject o = new Gson().fromJson(json, JsonObject.class);
        float[] weights = new float[NGrams.BUCKETS];
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("weights").entrySet()) {
            weights[Integer.parseInt(e.getKey())] = e.getValue().getAsFloat();
        }
        float bias = o.get("bias").getAsFloat();
        List<String> texts = new ArrayList<>();
        Path corpus = Path.of("..", "policy-" + policy, "src/test/resources/corpus");
        for (String set : List.of("", "blind", "blind2", "blind3")) {
            if (Files.isDirectory(corpus.resolve(set))) {
                for (CorpusRow r : PolicyEvaluation.corpus(corpus.resolve(set))) {
                    texts.add(r.text());
                }
            }
        }
        texts.add("top top top top top prescriber prescribers top");
        texts.add("");
        int checked = 0;
        for (String text : texts) {
            Classifier.Score got = model.score(text, 3);
            Classifier.Score expected = definition(text, bias, weights, 3);
            assertEquals(expected.probability(), got.probability(), 0.0, text);
            assertEquals(expected.topFeatures(), got.topFeatures(), text);
            assertEquals(got.probability(), model.probability(text), 0.0, text);
            checked++;
        }
        assertEquals(texts.size(), checked);
    }

    private static Classifier.Score definition(String text, float bias, float[] weights, int top) {
        double[] sum = { bias };
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
        List<String> quoted = new ArrayList<>();
        for (Map.Entry<Long, Double> e : best) {
            if (quoted.size() == top) {
                break;
            }
            String q = text.substring((int) (e.getKey() >>> 32), (int) (long) e.getKey());
            if (quoted.stream().noneMatch(s -> s.contains(q) || q.contains(s))) {
                quoted.add(q);
            }
        }
        return new Classifier.Score(1 / (1 + Math.exp(-sum[0])), quoted);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 1000, 100_000 })
    void aScoreIsWrittenAsPercentTwoFWouldWriteIt(int steps) {
        for (int i = 0; i <= steps; i++) {
            double p = (double) i / steps;
            for (double q : new double[] { p, Math.nextUp(p), Math.nextDown(p), 1 / (1 + Math.exp(-(p * 20 - 10))) }) {
                if (q >= 0 && q <= 1) {
                    assertEquals(String.format(Locale.ROOT, "%.2f", q),
                            org.firewalldoors.compliance.internal.policy.CompiledClassifierAccess.twoDecimals(q),
                            "p=" + q);
                }
            }
        }
    }
}
