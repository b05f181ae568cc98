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

    /**
     * A plan for deciding the operation {@code template} on many records, each with its owner as the only related
     * principal: what depends only on the reader, the action and the record type is settled once. Every decision
     * of the plan is the one {@link #decide} would give; this default implementation simply asks it.
     *
     * @param template the operation; its record, record id, owner and region are each record's own
     * @since 1.2
     */
    default DoorPlan plan(Operation template) {
        return (record, owner) -> decide(DoorPlans.operation(template, record, owner));
    }

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
