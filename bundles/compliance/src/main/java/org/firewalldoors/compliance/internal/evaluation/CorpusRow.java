package org.firewalldoors.compliance.internal.evaluation;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One labelled text of an evaluation corpus (issue 15): a line of JSON with {@code id}, {@code lang},
 * {@code context} (the field and record it is evaluated in, see {@link EvaluationContext}), {@code label}
 * ({@code commercial} or {@code clinical}), {@code expect} (the requirement ids that must fire; none for a
 * clinical text), {@code split} ({@code train} or {@code test}) and {@code text}.
 */
public record CorpusRow(String id, String lang, String context, String label, Set<String> expect, String split,
        String text) {

    private static final Gson GSON = new Gson();

    /** Validates the values. */
    public CorpusRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lang, "lang of " + id);
        Objects.requireNonNull(context, "context of " + id);
        Objects.requireNonNull(text, "text of " + id);
        expect = Set.copyOf(expect);
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException(id + ": split is train or test, not " + split);
        }
    }

    /** @return whether the text must not be refused or flagged at all */
    public boolean clinical() {
        return expect.isEmpty();
    }

    /** @return the rows of a JSON-lines text; blank lines are skipped */
    public static List<CorpusRow> parse(String jsonLines) {
        List<CorpusRow> rows = new ArrayList<>();
        int n = 0;
        for (String line : jsonLines.split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject o = GSON.fromJson(line, JsonObject.class);
                Set<String> expect = new TreeSet<>();
                o.getAsJsonArray("expect").forEach(e -> expect.add(e.getAsString()));
                rows.add(new CorpusRow(o.get("id").getAsString(), o.get("lang").getAsString(),
                        o.get("context").getAsString(), o.get("label").getAsString(), expect,
                        o.get("split").getAsString(), o.get("text").getAsString()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }
}
