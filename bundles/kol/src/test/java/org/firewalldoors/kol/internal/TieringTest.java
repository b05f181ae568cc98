package org.firewalldoors.kol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolTier;
import org.junit.jupiter.api.Test;

/** K4: the tier is a documented function of scientific criteria only. */
class TieringTest {

    private static KolProfile kol(int publications, int trials, int guidelines, int societies, int peers) {
        List<KolPeer> network = new ArrayList<>();
        IntStream.range(0, peers).forEach(i -> network.add(new KolPeer("peer-" + i, "co-author")));
        return new KolProfile("hcp-1", "Dr. A", null, null, null, null, null, entries("paper", publications),
                entries("trial", trials), entries("guideline", guidelines), entries("society", societies), network,
                false, null, null, null, null);
    }

    private static List<String> entries(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + " " + i).toList();
    }

    @Test
    void theScoreWeighsEachCriterionAndTheThresholdsGiveTheTier() {
        // 5 + 2*3 + 1*4 + 0 + 0 = 15: tier 2 exactly at its threshold
        KolTier t = Tiering.of(kol(5, 2, 1, 0, 0));
        assertEquals(2, t.tier());
        assertEquals(List.of("publications: 5 x 1 = 5 points", "trial investigator roles: 2 x 3 = 6 points",
                "guideline roles: 1 x 4 = 4 points", "society roles: 0 x 2 = 0 points", "peer network: 0 x 1 = 0 points",
                "score 15 of 55: tier 2 (tier 1 from 30, tier 2 from 15, tier 3 from 5 points; scientific criteria only)"),
                t.reasons());
        assertEquals(3, Tiering.of(kol(4, 2, 1, 0, 0)).tier(), "14 points is below tier 2");
        assertEquals(1, Tiering.of(kol(10, 5, 2, 0, 0)).tier(), "10 + 15 + 8 = 33");
        assertEquals(4, Tiering.of(kol(4, 0, 0, 0, 0)).tier());
        assertEquals(3, Tiering.of(kol(0, 0, 0, 0, 5)).tier(), "the peer network counts");
        assertEquals(55, Tiering.maximum());
    }

    @Test
    void capsKeepOneCriterionFromDecidingAlone() {
        KolTier prolific = Tiering.of(kol(400, 0, 0, 0, 0));
        assertEquals(3, prolific.tier(), "400 papers count as 10 points");
        assertEquals("publications: 400 listed, 10 counted x 1 = 10 points", prolific.reasons().get(0));
        assertEquals(55, Integer.parseInt(Tiering.of(kol(99, 99, 99, 99, 99)).reasons().get(5).split(" ")[1]));
    }

    @Test
    void repeatsAndSelfReferencesDoNotInflateTheScore() {
        KolProfile p = new KolProfile("hcp-1", "Dr. A", null, null, null, null, null,
                List.of("NEJM 2024", "nejm  2024 ", "Lancet 2023"), null, null, null,
                List.of(new KolPeer("hcp-2", "co-author"), new KolPeer("HCP-2", "mentor"), new KolPeer("hcp-1", "self")),
                false, null, null, null, null);
        KolTier t = Tiering.of(p);
        assertEquals("publications: 2 x 1 = 2 points", t.reasons().get(0));
        assertEquals("peer network: 1 x 1 = 1 point", t.reasons().get(4));
    }

    @Test
    void prescribingDataCannotMoveTheTier() {
        KolProfile base = kol(3, 1, 0, 1, 2);
        // Everything the MSL writes outside the scientific criteria, visit data included, leaves the tier alone.
        KolProfile noisy = new KolProfile(base.hcpId(), "Dr. B", "Oncology", "Mercy", "US",
                List.of("anything"), List.of("anything"), base.publications(), base.trialRoles(), base.guidelineRoles(),
                base.societyRoles(), base.peers(), true, "notes", "2026-01-01", 40, "weekly");
        assertEquals(Tiering.of(base), Tiering.of(noisy));
        assertTrue(Tiering.of(base).reasons().stream().noneMatch(r -> r.matches("(?i).*(script|decile|sales|rx).*")));
    }
}
