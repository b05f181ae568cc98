package org.firewalldoors.api.kol;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored KOL profile as one caller may see it.
 *
 * @param id        the record id
 * @param version   the record version, for optimistic updates
 * @param updatedAt when it last changed
 * @param profile   the profile; members the caller may not see are {@code null}
 * @param tier      the computed scientific tier, or {@code null} if withheld
 */
public record KolProfileRecord(String id, long version, Instant updatedAt, KolProfile profile, KolTier tier) {

    /** Validates the values. */
    public KolProfileRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(profile, "profile");
    }
}
