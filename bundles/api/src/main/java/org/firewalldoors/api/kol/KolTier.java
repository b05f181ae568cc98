package org.firewalldoors.api.kol;

import java.util.List;

/**
 * The scientific tier of a KOL (K4), computed from publications, trial
 * investigator roles, guideline authorship, society roles and the peer network,
 * never from prescribing data.
 *
 * @param tier    1 (the most scientifically influential) to 4
 * @param reasons how the tier was reached, one line per criterion, in plain words
 */
public record KolTier(int tier, List<String> reasons) {

    /** The lowest tier. */
    public static final int LOWEST = 4;

    /** Validates and copies the values. */
    public KolTier {
        if (tier < 1 || tier > LOWEST) {
            throw new IllegalArgumentException("tier must be 1 to " + LOWEST + ": " + tier);
        }
        reasons = List.copyOf(reasons);
    }
}
