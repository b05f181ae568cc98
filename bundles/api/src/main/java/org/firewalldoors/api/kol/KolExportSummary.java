package org.firewalldoors.api.kol;

/**
 * The trailer of an export: what was handed out, under which policy, and where
 * to resume.
 *
 * @param count         how many profiles were exported
 * @param policy        the id of the policy whose door decided
 * @param policyVersion its version
 * @param sha256        SHA-256, hex, over the bytes of every line before the trailer
 * @param cursor        the opaque cursor to pass to the next export to get only what changed since
 */
public record KolExportSummary(long count, String policy, String policyVersion, String sha256, String cursor) {
}
