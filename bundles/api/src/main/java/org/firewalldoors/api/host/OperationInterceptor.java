package org.firewalldoors.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service the host calls with every operation before it takes
 * effect. The firewall's compliance bundle registers one; a host may have
 * several, and then a block from any of them wins.
 */
@ConsumerType
public interface OperationInterceptor {

    /**
     * Decides an operation. Must not block for long and must not call back into
     * the record store.
     *
     * @param operation the operation about to take effect
     * @return the decision, never {@code null}
     */
    Decision intercept(Operation operation);

    /**
     * Told once, after a query or export was decided record by record, what
     * the decisions came to. The per-record operations of a list are QUERY or
     * EXPORT operations that carry the stored record ({@code before}); this is
     * where an interceptor records the list as a whole.
     *
     * @param collection the QUERY or EXPORT of the whole type, as first decided
     * @param outcome    the counts
     */
    default void listed(Operation collection, ListOutcome outcome) {
        // nothing to record by default
    }

    /**
     * Told that an allowed write (CREATE, UPDATE, ASSIGN, DELETE, SHARE) is being applied, inside its
     * transaction: if this throws, the write is rolled back, so a write that cannot be recorded does not happen.
     *
     * @param operation the operation as decided
     * @param decision  the combined decision that allowed it
     * @param version   the record's version after the write (for a DELETE, the version deleted)
     */
    default void applied(Operation operation, Decision decision, long version) {
        // nothing to record by default
    }
}
