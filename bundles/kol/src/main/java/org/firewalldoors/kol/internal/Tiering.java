package org.firewalldoors.kol.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolTier;

/**
 * The scientific tier of a KOL (K4): a deterministic score over scientific
 * criteria only; prescribing volume is not an input and cannot be one.
 *
 * <pre>
 * criterion         points per distinct entry   entries counted at most   most points
 * publications      1                           10                        10
 * trial roles       3                            5                        15
 * guideline roles   4                            3                        12
 * society roles     2                            4                         8
 * peer network      1 per distinct peer HCP     10                        10
 * score = the sum (0 to 55): tier 1 from 30, tier 2 from 15, tier 3 from 5, else tier 4
 * </pre>
 *
 * Entries are distinct when they differ other than by case and spacing; a
 * KOL is not their own peer. Caps keep one criterion from deciding alone.
 */
final class Tiering {

    /** One criterion of the score. */
    record Criterion(String label, int pointsEach, int countedAtMost) {
    }

    static final Criterion PUBLICATIONS = new Criterion("publications", 1, 10);
    static final Criterion TRIAL_ROLES = new Criterion("trial investigator roles", 3, 5);
    static final Criterion GUIDELINE_ROLES = new Criterion("guideline roles", 4, 3);
    static final Criterion SOCIETY_ROLES = new Criterion("society roles", 2, 4);
    static final Criterion PEERS = new Criterion("peer network", 1, 10);

    /** The lowest score of tiers 1, 2 and 3. */
    static final int[] THRESHOLDS = { 30, 15, 5 };

    private Tiering() {
    }

    /** @return the tier of a profile, with one reason per criterion and one for the tier */
    static KolTier of(KolProfile profile) {
        List<String> reasons = new ArrayList<>();
        int score = points(PUBLICATIONS, distinct(profile.publications()), reasons)
                + points(TRIAL_ROLES, distinct(profile.trialRoles()), reasons)
                + points(GUIDELINE_ROLES, distinct(profile.guidelineRoles()), reasons)
                + points(SOCIETY_ROLES, distinct(profile.societyRoles()), reasons)
                + points(PEERS, peers(profile), reasons);
        int tier = 1;
        while (tier <= THRESHOLDS.length && score < THRESHOLDS[tier - 1]) {
            tier++;
        }
        reasons.add(String.format(Locale.ROOT,
                "score %d of %d: tier %d (tier 1 from %d, tier 2 from %d, tier 3 from %d points; scientific criteria only)",
                score, maximum(), tier, THRESHOLDS[0], THRESHOLDS[1], THRESHOLDS[2]));
        return new KolTier(tier, reasons);
    }

    static int maximum() {
        return List.of(PUBLICATIONS, TRIAL_ROLES, GUIDELINE_ROLES, SOCIETY_ROLES, PEERS).stream()
                .mapToInt(c -> c.pointsEach() * c.countedAtMost()).sum();
    }

    private static int points(Criterion c, int entries, List<String> reasons) {
        int counted = Math.min(entries, c.countedAtMost());
        int points = counted * c.pointsEach();
        String count = entries == counted ? String.valueOf(entries) : entries + " listed, " + counted + " counted";
        reasons.add(String.format(Locale.ROOT, "%s: %s x %d = %d %s", c.label(), count, c.pointsEach(), points,
                points == 1 ? "point" : "points"));
        return points;
    }

    private static int distinct(List<String> entries) {
        if (entries == null) {
            return 0;
        }
        Set<String> keys = new LinkedHashSet<>();
        entries.forEach(e -> keys.add(key(e)));
        return keys.size();
    }

    private static int peers(KolProfile profile) {
        if (profile.peers() == null) {
            return 0;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (KolPeer peer : profile.peers()) {
            keys.add(key(peer.hcpId()));
        }
        if (profile.hcpId() != null) {
            keys.remove(key(profile.hcpId()));
        }
        return keys.size();
    }

    private static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
