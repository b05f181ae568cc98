package org.firewalldoors.api.host;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the decisions of one query or export came to, handed to the
 * interceptors once per request (so that a list of many concealed records is
 * one audit entry, not one per record).
 *
 * @param decided       how many stored records were decided
 * @param shown         how many the caller received
 * @param concealed     how many were kept from the caller
 * @param redacted      how many of those received had fields withheld
 * @param crossings     records received through each door, by door id
 * @param policyId      the policy that decided, or {@code null}
 * @param policyVersion its version, or {@code null}
 */
public record ListOutcome(int decided, int shown, int concealed, int redacted, Map<String, Integer> crossings,
        String policyId, String policyVersion) {

    /** Validates and copies the values. */
    public ListOutcome {
        if (decided < 0 || shown < 0 || concealed < 0 || redacted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        crossings = Map.copyOf(new TreeMap<>(Objects.requireNonNull(crossings, "crossings")));
    }

    /** @return whether the firewall kept anything back or let anything cross a door */
    public boolean firewallActed() {
        return concealed > 0 || redacted > 0 || !crossings.isEmpty();
    }
}
