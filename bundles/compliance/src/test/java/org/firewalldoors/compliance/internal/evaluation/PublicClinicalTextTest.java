package org.firewalldoors.compliance.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: on public clinical text nobody wrote for this product (WordNet 3.0's definitions of drugs, diseases,
 * symptoms and procedures, {@code policy-us/src/test/resources/corpus/public/}, see its NOTICE), each shipped policy
 * refuses at most 0.1% of the texts in every field a blocking content rule reads. Every text is tried in every field.
 */
class PublicClinicalTextTest {

    /** The requirements whose content rules block; O4 and O7 only flag. */
    private static final Set<String> BLOCKING = Set.of("H2", "H6", "E4", "F2", "K4", "O1");
    private static final double MAX_FALSE_REFUSALS = 0.001;

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void atMostOneInAThousandPublicClinicalTextsIsRefusedInAnyField(String policy) throws Exception {
        List<CorpusRow> texts = PolicyEvaluation.corpus(Path.of("..", "policy-us", "src/test/resources/corpus/public"));
        assertTrue(texts.size() >= 2000, "the public corpus is there: " + texts.size());
        List<CorpusRow> everywhere = new ArrayList<>();
        for (EvaluationContext context : EvaluationContext.values()) {
            for (CorpusRow r : texts) {
                everywhere.add(new CorpusRow(r.id() + "@" + context.key(), r.lang(), context.key(), r.label(),
                        r.expect(), r.split(), r.text()));
            }
        }
        Path module = Path.of("..", "policy-" + policy);
        Evaluation evaluation = Evaluation.of(
                PolicyEvaluation.compile(module.resolve("src/main/resources/policy/" + policy + ".json")), everywhere,
                "test");
        String report = evaluation.report();
        Path out = Path.of("target", "evaluation", policy + "-public.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("public clinical text (" + texts.size() + " WordNet sentences x " + EvaluationContext.values().length
                + " fields), policy " + policy + ":\n" + report.substring(0, report.indexOf("\nMisses")));

        List<String> over = new ArrayList<>();
        for (Map.Entry<String, Figures> e : evaluation.figures().get("en").entrySet()) {
            if (BLOCKING.contains(e.getKey()) && e.getValue().falseRefusalRate() > MAX_FALSE_REFUSALS) {
                over.add(e.getKey() + " " + e.getValue().falseRefusals() + "/" + e.getValue().clinical());
            }
        }
        assertTrue(over.isEmpty(), policy + ": more than 0.1% of public clinical texts refused: " + over
                + " (report in " + out + ")");
    }
}
