package org.firewalldoors.api.compliance;

import java.util.Optional;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The firewall's decision point: answers for an operation what the region's
 * active policy decides, without side effects (nothing is audited or queued).
 * The interceptor the host calls is built on it.
 */
@ProviderType
public interface DecisionPoint {

    /** @return the decision of the operation's region's active policy; fails closed without one */
    Decision decide(Operation operation);

    /** @return the policy active for a region now, if any */
    Optional<PolicyInfo> activePolicy(String region);

    /**
     * Whether a module is switched on in a region by the region's configuration
     * ({@code org.firewalldoors.region}). A region without a configuration has
     * every module on; its guarded operations still need an active policy.
     *
     * @param module for example {@code handoff} or {@code kol-export}
     */
    boolean moduleEnabled(String region, String module);
}
