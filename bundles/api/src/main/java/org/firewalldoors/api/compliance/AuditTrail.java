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

    /** @return whether the whole trail verifies, and where it first does not */
    AuditVerification verify();
}
