package org.firewalldoors.compliance.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Figures, misses and regressions of an evaluation, on a handful of rows whose outcome is known. */
class EvaluationTest {

    private static CompiledPolicy us;

    @BeforeAll
    static void compile() throws Exception {
        us = PolicyEvaluation.compile(Path.of("../policy-us/src/main/resources/policy/us.json"));
    }

    private static final String ROWS = String.join("\n",
            row("c1", "inquiry.question", "[\"H2\"]", "What is his market share?"),
            row("c2", "inquiry.question", "[\"H2\"]", "Something that says nothing"),
            row("k1", "inquiry.question", "[]", "Is renal dosing needed?"),
            row("k2", "inquiry.question", "[]", "What do we know about the sales of ice cream and sunburn?"),
            row("t1", "incentive.metric", "[\"F2\"]", "territory sales"),
            row("x1", "inquiry.question", "[]", "trained on, never counted: market share").replace("test", "train"));

    private static String row(String id, String context, String expect, String text) {
        return "{\"id\":\"" + id + "\",\"lang\":\"en\",\"context\":\"" + context + "\",\"label\":\"x\",\"expect\":"
                + expect + ",\"split\":\"test\",\"text\":\"" + text + "\"}";
    }

    @Test
    void countsCatchesMissesAndFalseRefusalsOfTheSplitPerRule() {
        Evaluation e = Evaluation.of(us, CorpusRow.parse(ROWS), "test");
        Figures h2 = e.figures().get("en").get("H2");
        assertEquals(new Figures(2, 1, 2, 1, 0), h2);
        assertEquals(0.5, h2.recall());
        assertEquals(0.5, h2.precision());
        assertEquals(0.5, h2.falseRefusalRate());
        assertEquals(1.0, e.figures().get("en").get("F2").recall());
        assertEquals(new Figures(3, 2, 2, 1, 0), e.figures().get("en").get(Evaluation.ALL));
        assertEquals(List.of("c2", "k2"), e.misses().stream().map(m -> m.row().id()).toList());
        assertEquals(List.of("sales"), e.misses().get(1).quoted(), "a false refusal lists the words that fired");
    }

    @Test
    void aFigureMoreThanTheToleranceWorseIsARegression() {
        Evaluation e = Evaluation.of(us, CorpusRow.parse(ROWS), "test");
        assertTrue(e.regressions(e.flat(), 0.01).isEmpty());
        Map<String, Double> better = Map.of("en/H2/recall", 0.52, "en/H2/falseRefusals", 0.45, "en/F2/recall", 1.0);
        assertEquals(List.of("en/H2/falseRefusals: 0.4500 -> 0.5000", "en/H2/recall: 0.5200 -> 0.5000").stream()
                .sorted().toList(), e.regressions(better, 0.01).stream().sorted().toList());
        assertTrue(e.regressions(Map.of("en/H2/recall", 0.505), 0.01).isEmpty(), "within one point");
    }
}
