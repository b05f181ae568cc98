package org.firewalldoors.compliance.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI gate of issue 15: each shipped policy, measured on the held-out split of its corpus, is no more than one
 * point worse on any figure (per language and requirement: precision, recall, false refusals) than the baseline
 * recorded beside the corpus. The report is written to {@code target/evaluation/}. After a change that improves the
 * figures, record them with {@code -Devaluation.rebaseline=true}.
 */
class PolicyEvaluationGateTest {

    private static final double TOLERANCE = 0.01;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void noFigureOfTheHeldOutSplitIsMoreThanOnePointWorseThanTheBaseline(String policy) throws Exception {
        Path module = Path.of("..", "policy-" + policy);
        Evaluation evaluation = Evaluation.of(
                PolicyEvaluation.compile(module.resolve("src/main/resources/policy/" + policy + ".json")),
                PolicyEvaluation.corpus(module.resolve("src/test/resources/corpus")), "test");
        String report = evaluation.report();
        Path out = Path.of("target", "evaluation", policy + "-test.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report.substring(0, report.indexOf("\nMisses")));

        Path baseline = module.resolve("src/test/resources/corpus/baseline.json");
        if (Boolean.getBoolean("evaluation.rebaseline") || !Files.exists(baseline)) {
            Files.writeString(baseline, GSON.toJson(evaluation.flat()) + "\n", StandardCharsets.UTF_8);
            return;
        }
        Map<String, Double> before = GSON.fromJson(Files.readString(baseline, StandardCharsets.UTF_8),
                new TypeToken<Map<String, Double>>() { }.getType());
        List<String> worse = evaluation.regressions(before, TOLERANCE);
        assertTrue(worse.isEmpty(), policy + ": figures worse than the baseline by more than one point: " + worse
                + " (report in " + out + ")");
    }
}
