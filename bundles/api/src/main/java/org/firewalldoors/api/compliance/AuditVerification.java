package org.firewalldoors.api.compliance;

/**
 * The result of checking the whole audit trail.
 *
 * @param valid         whether every entry is intact and in place
 * @param entries       how many entries were checked
 * @param firstBadEntry the sequence number of the first entry that does not
 *                      verify, or {@code null} when valid
 */
public record AuditVerification(boolean valid, long entries, Long firstBadEntry) {
}
