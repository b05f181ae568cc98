package org.firewalldoors.api.compliance;

import java.time.Instant;

/**
 * One entry of the audit trail: an event, when it was appended, and the hash
 * chain that makes any edit, deletion or reordering detectable.
 *
 * @param seq      the position in the trail, starting at 1, without gaps
 * @param at       when it was appended (UTC)
 * @param event    what happened
 * @param prevHash the hash of the entry before, or 64 zeros for the first
 * @param hash     SHA-256 over the previous hash and this entry's content, hex
 */
public record AuditEntry(long seq, Instant at, AuditEvent event, String prevHash, String hash) {
}
