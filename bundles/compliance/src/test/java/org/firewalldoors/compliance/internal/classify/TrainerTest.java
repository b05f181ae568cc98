package org.firewalldoors.compliance.internal.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.firewalldoors.compliance.internal.evaluation.CorpusRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifier of issue 15: trained deterministically from the train split alone, its shipped weights up to date
 * with the corpus (after a corpus change, retrain with {@code -Dclassifier.retrain=true} and commit the weights).
 */
class TrainerTest {

    private static List<CorpusRow> corpus(String policy) throws Exception {
        return Trainer.trainingRows(Path.of("..", "policy-" + policy, "src/test/resources/corpus"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void theShippedWeightsAreTheOnesTheTrainSplitGives(String policy) throws Exception {
        String trained = Trainer.weights(corpus(policy));
        Path shipped = Path.of("..", "policy-" + policy, "src/main/resources/policy/" + policy + "-classifier.json");
        if (Boolean.getBoolean("classifier.retrain")) {
            Files.writeString(shipped, trained, StandardCharsets.UTF_8);
        }
        assertEquals(trained, Files.readString(shipped, StandardCharsets.UTF_8),
                shipped + " is out of date: retrain with -Dclassifier.retrain=true");
    }

    @Test
    void trainingIsDeterministicAndReadsNoTestRow() throws Exception {
        List<CorpusRow> rows = corpus("us");
        assertEquals(Trainer.weights(rows), Trainer.weights(rows));
        List<CorpusRow> withoutTest = new ArrayList<>(rows);
        withoutTest.removeIf(r -> r.split().equals("test"));
        assertEquals(Trainer.weights(rows), Trainer.weights(withoutTest));
    }

    @Test
    void aCommercialTextScoresHighAndQuotesItsWordsAsWritten() {
        List<CorpusRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row("co" + i, "Dr X is a Top Prescriber, wants samples on trial " + i, Set.of("H2")));
            rows.add(row("cl" + i, "Dr X asks about renal dosing on trial " + i, Set.of()));
        }
        Classifier c = Classifier.parse(Trainer.weights(rows));
        Classifier.Score s = c.score("Is she a Top Prescriber? She wants samples.", 2);
        assertTrue(s.probability() > 0.5, "score " + s);
        assertTrue(s.topFeatures().stream().anyMatch(f -> f.contains("Prescriber") || f.contains("samples")),
                "quoted as written: " + s.topFeatures());
        assertTrue(c.score("She asks about renal dosing.", 2).probability() < 0.5);
        assertEquals(c.probability("Dr X asks"), c.score("Dr X asks", 3).probability(), 1e-12);
    }

    private static CorpusRow row(String id, String text, Set<String> expect) {
        return new CorpusRow(id, "en", "inquiry.question", expect.isEmpty() ? "clinical" : "commercial", expect,
                "train", text);
    }
}
