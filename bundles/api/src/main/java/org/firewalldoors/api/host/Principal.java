package org.firewalldoors.api.host;

import java.util.Objects;

/**
 * Who acts: a user of the host with a function, a role, a region and a manager
 * (requirement F1).
 *
 * @param id       the user id, never blank
 * @param function the business function
 * @param role     the role within the function, for example {@code MSL} or {@code REP}
 * @param region   the region code, for example {@code US}; {@code GLOBAL} for administrators
 * @param manager  the id of the user's manager, or {@code null}
 */
public record Principal(String id, BusinessFunction function, String role, String region, String manager) {

    /** The region code of users who belong to no single region. */
    public static final String GLOBAL = "GLOBAL";

    /** Validates the values. */
    public Principal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("principal id is blank");
        }
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(region, "region");
    }

    /** @return whether this principal works in the given function */
    public boolean is(BusinessFunction f) {
        return function == f;
    }
}
