package org.firewalldoors.api.compliance;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The tamper-evident audit trail (X2): append-only, time-stamped by the
 * system, each entry chained to the one before by a SHA-256 hash. There is no
 * way to change or remove an entry through this service.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends an event durably.
     *
     * @return the entry as stored
     */
    AuditEntry append(AuditEvent event);

    /** @return up to {@code limit} entries appended at or after {@code since}, oldest first */
    List<AuditEntry> list(Instant since, int limit);

    /**
     * Pages through the trail newest first.
     *
     * @param region    only entries of this region and those of the whole installation (region
     *                  {@code GLOBAL}: policies loaded, the host's configuration), or {@code null} for all
     * @param since     only entries appended at or after this time, or {@code null}
     * @param beforeSeq only entries older than this sequence number (the {@code seq} of the last entry of the
     *                  previous page), or 0 for the newest
     * @param limit     at most this many entries
     * @return the entries, newest first
     */
    List<AuditEntry> newest(String region, Instant since, long beforeSeq, int limit);

    /** @return whether the whole trail verifies, and where it first does not */
    AuditVerification verify();
}
