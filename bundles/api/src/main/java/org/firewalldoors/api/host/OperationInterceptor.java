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
}
