package org.firewalldoors.api.compliance;

/**
 * An active compiled policy.
 *
 * @param id      the policy id, for example {@code us}
 * @param version its version
 * @param region  the region it was written for
 * @param rules   how many rules and doors it has
 * @param source  the bundle and document it came from
 */
public record PolicyInfo(String id, String version, String region, int rules, String source) {
}
