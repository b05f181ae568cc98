package org.firewalldoors.compliance.internal.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.firewalldoors.compliance.internal.evaluation.CorpusRow;
import org.firewalldoors.compliance.internal.evaluation.PolicyEvaluation;

/**
 * Trains a {@link Classifier} from the {@code train} split of a labelled corpus (issue 15): L2-regularised logistic
 * regression by stochastic gradient descent over hashed n-grams read in at least {@link #MIN_TEXTS} training texts.
 * Deterministic: the rows are visited in an order
 * shuffled by a fixed seed, the arithmetic is strict ({@link StrictMath}), the weights are written rounded and in
 * bucket order, so the same corpus gives the same weights document byte for byte.
 *
 * <pre>java ... Trainer &lt;corpus .jsonl file or folder&gt; &lt;weights.json to write&gt;</pre>
 */
public final class Trainer {

    static final int EPOCHS = 30;
    static final double RATE = 0.2;
    static final double L2 = 1e-4;
    static final long SEED = 15;
    /**
     * A feature read in fewer training texts than this keeps no weight: a word of one template or one typo says
     * nothing a reviewer can use, and would only learn the corpus by heart.
     */
    static final int MIN_TEXTS = 3;
    /** Weights smaller than this are left out of the document. */
    static final double KEEP = 5e-4;

    private Trainer() {
    }

    /** Writes the weights document trained on the corpus's train split. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Trainer <corpus.jsonl or folder> <weights.json>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), weights(trainingRows(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    /** The human-written corpora a shipped classifier learns from, besides the generated train split. */
    static final List<String> DEVELOPMENT = List.of("blind", "blind2");

    /**
     * The rows a shipped classifier is trained on: the {@code train} split of the corpus (a {@code .jsonl} file or
     * a folder of them) and, in a folder, every row of its {@link #DEVELOPMENT} sets: {@code blind/} (already read
     * once to widen the term lists) and {@code blind2/} (already used to choose the threshold), texts by two other
     * writers. The untouched {@code blind3/} and {@code blind4/} and the public text are never read.
     */
    public static List<CorpusRow> trainingRows(Path corpus) throws IOException {
        List<CorpusRow> rows = new ArrayList<>(PolicyEvaluation.corpus(corpus));
        for (String set : DEVELOPMENT) {
            Path development = corpus.resolve(set);
            if (Files.isDirectory(development)) {
                for (CorpusRow r : PolicyEvaluation.corpus(development)) {
                    rows.add(new CorpusRow(r.id(), r.lang(), r.context(), r.label(), r.expect(), "train", r.text()));
                }
            }
        }
        return rows;
    }

    /** @return the weights document trained on the {@code train} rows of {@code corpus}; test rows are never read */
    public static String weights(List<CorpusRow> corpus) {
        List<int[]> features = new ArrayList<>();
        List<Boolean> commercial = new ArrayList<>();
        for (CorpusRow row : corpus) {
            if (!"train".equals(row.split())) {
                continue;
            }
            List<Integer> buckets = new ArrayList<>();
            NGrams.scan(row.text(), (bucket, start, end) -> buckets.add(bucket));
            features.add(buckets.stream().mapToInt(Integer::intValue).toArray());
            commercial.add(!row.clinical());
        }
        int[] texts = new int[NGrams.BUCKETS];
        for (int[] f : features) {
            java.util.Arrays.stream(f).distinct().forEach(b -> texts[b]++);
        }
        for (int r = 0; r < features.size(); r++) {
            features.set(r, java.util.Arrays.stream(features.get(r)).filter(b -> texts[b] >= MIN_TEXTS).toArray());
        }
        double[] w = new double[NGrams.BUCKETS];
        double bias = 0;
        int[] order = new int[features.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double rate = RATE / (1 + 0.1 * epoch);
            for (int r : order) {
                double z = bias;
                for (int b : features.get(r)) {
                    z += w[b];
                }
                double g = 1 / (1 + StrictMath.exp(-z)) - (commercial.get(r) ? 1 : 0);
                for (int b : features.get(r)) {
                    w[b] -= rate * (g + L2 * w[b]);
                }
                bias -= rate * g;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"format\": ").append(Classifier.FORMAT).append(",\n  \"buckets\": ").append(NGrams.BUCKETS)
                .append(",\n  \"trainedOn\": ").append(features.size()).append(",\n  \"bias\": ").append(round(bias))
                .append(",\n  \"weights\": {");
        String sep = "\n";
        for (int b = 0; b < w.length; b++) {
            if (Math.abs(w[b]) >= KEEP) {
                out.append(sep).append("    \"").append(b).append("\": ").append(round(w[b]));
                sep = ",\n";
            }
        }
        return out.append("\n  }\n}\n").toString();
    }

    private static String round(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
