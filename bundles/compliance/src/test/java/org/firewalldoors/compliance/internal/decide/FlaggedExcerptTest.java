package org.firewalldoors.compliance.internal.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A review item keeps the sentence its finding quoted, as written (issue 15). */
class FlaggedExcerptTest {

    @Test
    void theSentenceHoldingTheFirstQuotedWords() {
        Map<String, Object> values = Map.of("question", "Renal dosing? She is a Top Prescriber, wants samples. Thanks",
                "agenda", List.of(Map.of("topic", "x")));
        assertEquals("She is a Top Prescriber, wants samples.", FlaggedExcerpt.of(values,
                "Likely commercial. Top features: \"Top Prescriber\", \"samples\" (score 0.97)."));
        assertEquals("x", FlaggedExcerpt.of(values, "m \"x\""));
        assertNull(FlaggedExcerpt.of(values, "no quote"));
        assertNull(FlaggedExcerpt.of(values, "m \"absent\""));
        assertNull(FlaggedExcerpt.of(null, "m \"x\""));
    }
}
