package org.firewalldoors.compliance.internal.oversight;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.firewalldoors.compliance.internal.evaluation.EvaluationContext;

/**
 * Reviewers' labels as rows of a policy's corpus (issue 15): one JSON line per labelled item whose flagged sentence
 * was kept, in the train split, {@code source} {@code review}, language {@code und} (undetermined: the curator who
 * adds the rows to a corpus file sets it).
 */
public final class TrainingRows {

    private static final Gson GSON = new Gson();

    private TrainingRows() {
    }

    /** @return the rows, one JSON object a line */
    public static String jsonl(List<ReviewItem> items) {
        StringBuilder b = new StringBuilder();
        for (ReviewItem item : items) {
            if (item.label() == null || item.excerpt() == null) {
                continue;
            }
            boolean commercial = ReviewItem.COMMERCIAL.equals(item.label());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", item.region().toLowerCase(Locale.ROOT) + "-review-" + item.id());
            row.put("lang", "und");
            row.put("context", EvaluationContext.forRequirement(item.requirement()).map(EvaluationContext::key)
                    .orElse(item.recordType()));
            row.put("label", item.label());
            row.put("expect", commercial && item.requirement() != null ? List.of(item.requirement()) : List.of());
            row.put("split", "train");
            row.put("source", "review");
            row.put("text", item.excerpt());
            b.append(GSON.toJson(row)).append('\n');
        }
        return b.toString();
    }
}
