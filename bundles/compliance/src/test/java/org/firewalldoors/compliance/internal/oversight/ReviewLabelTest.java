package org.firewalldoors.compliance.internal.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.firewalldoors.compliance.internal.evaluation.CorpusRow;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Reviewers' labels become corpus rows (issue 15): only labelled items with a kept sentence, in the corpus format. */
class ReviewLabelTest {

    @Test
    void labelledItemsExportAsTrainingRowsOfTheirRegionOnly() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ReviewQueue queue = new ReviewQueue(ds);
        ReviewItem flagged = queue.open("H2", "US", "us.classifier.commercial-context", "H2", "ScientificInquiry",
                "r-1", "rep.us", "compliance.us", "Likely commercial. Top features: \"top prescriber\".",
                "She is a top prescriber and asks about renal dosing.");
        ReviewItem clinical = queue.open("O7", "US", "us.classifier.commercial-context", "O7", "OutboundMessage",
                "r-2", "rep.us", "compliance.us", "m", "Renal dosing in Child-Pugh B.");
        queue.open("H2", "US", "rule", "H2", "ScientificInquiry", "r-3", "rep.us", "compliance.us", "m", null);
        ReviewItem eu = queue.open("H2", "EU", "rule", "H2", "ScientificInquiry", "r-4", "rep.eu", "c", "m", "x");

        assertEquals("commercial", queue.label(flagged.id(), "commercial").label());
        queue.label(clinical.id(), "clinical");
        queue.label(eu.id(), "commercial");
        assertThrows(IllegalArgumentException.class, () -> queue.label(flagged.id(), "maybe"));

        List<CorpusRow> rows = CorpusRow.parse(TrainingRows.jsonl(queue.labelled("US")));
        assertEquals(2, rows.size());
        assertEquals("inquiry.question", rows.get(0).context());
        assertEquals(Set.of("H2"), rows.get(0).expect());
        assertEquals("She is a top prescriber and asks about renal dosing.", rows.get(0).text());
        assertEquals("train", rows.get(0).split());
        assertEquals("outbound.rep", rows.get(1).context());
        assertEquals(Set.of(), rows.get(1).expect());
        assertEquals("clinical", rows.get(1).label());
    }
}
