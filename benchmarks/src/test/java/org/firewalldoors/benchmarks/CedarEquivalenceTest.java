package org.firewalldoors.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Cedar policy of benchmark P1 decides the operation mix as our US policy does, except where
 * Cedar cannot: a phrase hidden by separators ("P-R-E-S-C-R-I-B-I-N-G targets") is not matched by a
 * {@code like} pattern. Fast: no benchmark runs here.
 */
class CedarEquivalenceTest {

    @Test
    void cedarDecidesTheMixAsOurPolicyDoes() {
        List<Equivalence.Row> rows = Equivalence.check(Fixtures.usPolicy(), new CedarFirewall(Fixtures.usPolicyJson()));
        assertEquals(OperationMix.samples().size(), rows.size());
        for (Equivalence.Row r : rows) {
            boolean knownGap = r.name().contains("Cedar misses it");
            assertEquals(!knownGap, r.agree(), r.name() + ": ours " + r.ours() + ", Cedar " + r.cedar());
        }
    }

    @Test
    void theMixHasRefusalsFlagsAndPlainAllows() {
        List<Equivalence.Row> rows = Equivalence.check(Fixtures.usPolicy(), new CedarFirewall(Fixtures.usPolicyJson()));
        assertTrue(rows.stream().anyMatch(r -> r.ours().startsWith("BLOCK [firewall.CallReport]")));
        assertTrue(rows.stream().anyMatch(r -> r.ours().startsWith("BLOCK [us.a3.commercial-assigns-msl-task]")));
        assertTrue(rows.stream().anyMatch(r -> r.ours().startsWith("BLOCK [us.f2.msl-sales-metric-incentive]")));
        assertTrue(rows.stream().anyMatch(r -> r.ours().equals("ALLOW [us.o7.msl-pitched-in-promotion]")));
        assertTrue(rows.stream().anyMatch(r -> r.ours().equals("ALLOW [us.f1.msl-reports-to-commercial]")));
        assertTrue(rows.stream().filter(r -> r.ours().equals("ALLOW []")).count() >= 10);
    }

    @Test
    void foldingForLikePatternsKeepsWordsApart() {
        assertEquals(" territory trx growth ", CedarFirewall.fold("Territory TRx-growth!"));
        assertEquals(" ", CedarFirewall.fold("--"));
    }
}
