package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.classify.Classifier;

/**
 * The statistical second tier of a policy (issue 15): where a text scores above the threshold as commercial, a FLAG
 * finding that quotes the words that weighed most; never a block. Immutable.
 */
final class CompiledClassifier {

    /** Which texts it reads, and the requirement a finding there cites. */
    record Read(String recordType, List<String> fields, Set<Action> actions, Set<BusinessFunction> actorFunctions,
            String requirement) {
    }

    private final String id;
    private final Classifier model;
    private final double threshold;
    private final int top;
    private final String message;
    private final List<Read> reads;

    CompiledClassifier(String id, Classifier model, double threshold, int top, String message, List<Read> reads) {
        this.id = id;
        this.model = model;
        this.threshold = threshold;
        this.top = top;
        this.message = message;
        this.reads = List.copyOf(reads);
    }

    /** @return a FLAG finding when a text the classifier reads in the operation scores at or above the threshold */
    Optional<Finding> flag(Operation op, OperationView view) {
        Read read = null;
        for (Read r : reads) {
            if (r.recordType().equals(op.recordType().name()) && r.actions().contains(op.action())
                    && (r.actorFunctions().isEmpty() || r.actorFunctions().contains(op.actor().function()))) {
                read = r;
                break;
            }
        }
        if (read == null || view.values == null) {
            return Optional.empty();
        }
        // One allocation-free pass per text; the top features only for the text that crosses the threshold.
        String best = null;
        double bestProbability = -1;
        for (String field : read.fields()) {
            List<FieldText> texts = new ArrayList<>();
            FieldText.collect(view.values.get(field), texts);
            for (FieldText t : texts) {
                if (t.isName()) {
                    continue;
                }
                double p = model.probability(t.scanned());
                if (p > bestProbability) {
                    bestProbability = p;
                    best = t.scanned();
                }
            }
        }
        if (best == null || bestProbability < threshold) {
            return Optional.empty();
        }
        Classifier.Score score = model.score(best, top);
        if (score.topFeatures().isEmpty()) {
            return Optional.empty();
        }
        // Built by hand: String.format parses its pattern with a regular expression on every call.
        StringBuilder text = new StringBuilder(message.length() + 64).append(message).append(" Top features: ");
        for (int i = 0; i < score.topFeatures().size(); i++) {
            text.append(i == 0 ? "\"" : ", \"").append(score.topFeatures().get(i)).append('"');
        }
        text.append(" (score ").append(twoDecimals(score.probability())).append(").");
        return Optional.of(new Finding(FindingKind.FLAG, id, read.requirement(), text.toString()));
    }

    /** @return {@code p} as {@code %.2f} writes it (half up, on the shortest decimal that reads back as {@code p}) */
    static String twoDecimals(double p) {
        return java.math.BigDecimal.valueOf(p).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static EnumSet<Action> writes() {
        return EnumSet.of(Action.CREATE, Action.UPDATE);
    }
}
