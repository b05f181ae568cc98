package org.firewalldoors.compliance.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistical tier of the shipped policies (issue 15): on the held-out texts the rules let through, a
 * classifier finding is a FLAG quoting words of the text, never a block; where a rule blocks, it adds nothing; on
 * clinical text it flags at most 2%.
 */
class ClassifierTierTest {

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void flagsWhatTheRulesMissQuotingItsTopFeaturesAndNeverBlocks(String region) throws Exception {
        Path module = Path.of("..", "policy-" + region);
        CompiledPolicy policy = PolicyEvaluation.compile(module.resolve("src/main/resources/policy/" + region + ".json"));
        assertTrue(policy.hasClassifier());
        List<CorpusRow> rows = PolicyEvaluation.corpus(module.resolve("src/test/resources/corpus"));
        PolicyEngine engine = new PolicyEngine(id -> Optional.empty());
        int flagged = 0;
        for (CorpusRow row : rows) {
            if (!row.split().equals("test")) {
                continue;
            }
            Operation op = EvaluationContext.of(row.context()).operation(row.text());
            Decision d = engine.decide(policy, op);
            List<Finding> mine = d.findings().stream().filter(f -> f.ruleId().endsWith(".classifier.commercial-context"))
                    .toList();
            if (d.blocked()) {
                assertFalse(d.refusal().ruleId().contains("classifier"), row.id());
                assertTrue(mine.isEmpty(), row.id() + ": no classifier finding beside a block");
                continue;
            }
            for (Finding f : mine) {
                flagged++;
                assertEquals(FindingKind.FLAG, f.kind(), row.id());
                assertTrue(f.message().contains("Top features: \""), f.message());
                String first = f.message().split("Top features: \"")[1].split("\"")[0];
                assertTrue(row.text().contains(first), row.id() + ": quotes '" + first + "' as written");
            }
        }
        assertTrue(flagged > 0, "the classifier flags some held-out text");
        Evaluation e = Evaluation.of(policy, rows, "test");
        e.classifier().forEach((lang, c) -> {
            assertTrue(c.clinicalFlagRate() <= 0.02, region + "/" + lang + ": flags on clinical text " + c);
            assertTrue(c.missed() == 0 || c.flagged() > 0, region + "/" + lang + ": flags some text the rules miss " + c);
        });
        assertTrue(e.report().contains("Classifier (flags only"));
    }
}
