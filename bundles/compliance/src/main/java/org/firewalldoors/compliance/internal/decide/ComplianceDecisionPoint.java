package org.firewalldoors.compliance.internal.decide;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.DoorPlan;
import org.firewalldoors.api.compliance.DoorPlans;
import org.firewalldoors.api.compliance.PolicyInfo;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.compliance.internal.policy.CompiledDoorPlan;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.EventHistory;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Finds the region's active policy and decides with it; without one, guarded
 * operations are refused (fail closed, X5).
 */
@Component(service = { DecisionPoint.class, ComplianceDecisionPoint.class })
public final class ComplianceDecisionPoint implements DecisionPoint {

    /** The rule id of a fail-closed refusal. */
    public static final String NO_POLICY = "compliance.no-policy";

    @Reference
    PolicyRegistry registry;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RegionSettings> regions = List.of();

    private final PolicyEngine engine;

    /**
     * @param users   the host's users (managers, F1; user ids inside list elements, E3)
     * @param history the event history the X8 rules ask
     */
    @Activate
    public ComplianceDecisionPoint(@Reference UserDirectory users, @Reference EventHistory history) {
        this.engine = new PolicyEngine(users::find, history);
    }

    /** A decision point whose policies see no other events. */
    ComplianceDecisionPoint(UserDirectory users) {
        this(users, EventHistory.NONE);
    }

    /** The module of door 4, medical education events. */
    public static final String EVENTS_MODULE = "events";
    /** The rule id of a refusal because the events module is off in the region. */
    public static final String EVENTS_DISABLED = "events.module-disabled";

    /** The rule id of the built-in refusal of administrators (F1: IT has no business data). */
    public static final String ADMIN_NO_DATA = "compliance.admin-no-business-data";

    @Override
    public Decision decide(Operation operation) {
        Decision byActor = byActor(operation);
        return byActor != null ? byActor : byRegion(operation);
    }

    /**
     * Settles once what only the reader, action and record type decide (an administrator is refused whatever the
     * record), and compiles the door of the region's policy for the planned reads ({@link CompiledDoorPlan}: only
     * the door's {@code redactTerms} lists are scanned for). Each record is then decided under the region's settings
     * and policy at that moment, so that a policy that goes away during an export stops it and one that is replaced
     * decides the records after it (X5).
     */
    @Override
    public DoorPlan plan(Operation template) {
        Decision byActor = byActor(template);
        if (byActor != null) {
            return (record, owner) -> byActor;
        }
        return new PlannedDoor(template);
    }

    /** The door plan of one export: per record, the region's settings and policy now, and that policy's plan. */
    private final class PlannedDoor implements DoorPlan {

        private final Operation template;
        /** By policy: the plans compiled so far in this export (a policy replaced mid-export gets its own). */
        private final Map<CompiledPolicy, CompiledDoorPlan> plans = new ConcurrentHashMap<>();

        PlannedDoor(Operation template) {
            this.template = template;
        }

        @Override
        public Decision decide(CrmRecord record, Principal owner) {
            return decide(record, record.fields(), owner);
        }

        @Override
        public Decision decide(CrmRecord record, Map<String, Object> seen, Principal owner) {
            Decision refused = refusedInRegion(template.recordType(), record.region());
            if (refused != null) {
                return refused;
            }
            Optional<CompiledPolicy> policy = policyFor(record.region());
            if (policy.isEmpty()) {
                return withoutPolicy(template.recordType(), record.region());
            }
            CompiledDoorPlan plan = plans.computeIfAbsent(policy.get(),
                    p -> CompiledDoorPlan.of(p, engine, template));
            return plan.decide(() -> DoorPlans.operation(template,
                    seen == record.fields() ? record : record.withFields(seen), owner), seen);
        }
    }

    /** @return the refusal that depends on the actor alone, or null */
    private static Decision byActor(Operation operation) {
        if (operation.actor().function() == BusinessFunction.ADMIN) {
            // Whatever the region's policy says: administrators belong to no region's business.
            return Decision.block(new Refusal(RefusalKind.FORBIDDEN, ADMIN_NO_DATA, "F1",
                    "Administrators manage the system, not business records (F1).", null), null, null);
        }
        return null;
    }

    private Decision byRegion(Operation operation) {
        Decision refused = refusedInRegion(operation.recordType(), operation.region());
        if (refused != null) {
            return refused;
        }
        Optional<CompiledPolicy> policy = policyFor(operation.region());
        if (policy.isEmpty()) {
            return withoutPolicy(operation.recordType(), operation.region());
        }
        return engine.decide(policy.get(), operation);
    }

    /** @return the refusal because a module the operation needs is off in its region, or null */
    private Decision refusedInRegion(RecordTypeDescriptor type, String region) {
        if (type.guarded() && !moduleEnabled(region, "compliance")) {
            return Decision.block(new Refusal(RefusalKind.MODULE_DISABLED, "compliance.module-disabled", "X5",
                    "The compliance module is switched off in region " + region
                            + "; guarded operations are refused there.", null), null, null);
        }
        if (EventHistory.RECORD_TYPE.equals(type.name()) && !moduleEnabled(region, EVENTS_MODULE)) {
            // Door 4 switched off: every operation on the region's education events is refused, reads included.
            return Decision.block(new Refusal(RefusalKind.MODULE_DISABLED, EVENTS_DISABLED, "X3",
                    "The medical education events module is switched off in region " + region
                            + "; its events are refused there.", null), null, null);
        }
        return null;
    }

    /** @return the decision of an operation in a region without an active policy: fail closed if guarded (X5) */
    private static Decision withoutPolicy(RecordTypeDescriptor type, String region) {
        if (!type.guarded()) {
            return Decision.allow();
        }
        return Decision.block(new Refusal(RefusalKind.POLICY_UNAVAILABLE, NO_POLICY, "X5",
                "No compliance policy is active for region " + region
                        + "; guarded operations are refused until one is (X5).", null), null, null);
    }

    /** @return the settings of a region, if it is configured */
    public Optional<RegionSettings> region(String code) {
        for (RegionSettings r : regions) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return every configured region */
    public List<RegionSettings> regions() {
        return regions;
    }

    Optional<CompiledPolicy> policyFor(String region) {
        Optional<RegionSettings> settings = region(region);
        if (settings.isPresent() && settings.get().policy() != null && !settings.get().policy().isEmpty()) {
            return registry.policy(settings.get().policy());
        }
        return registry.policyForRegion(region);
    }

    @Override
    public boolean moduleEnabled(String region, String module) {
        return region(region).map(r -> r.modules().contains(module)).orElse(true);
    }

    @Override
    public Optional<PolicyInfo> activePolicy(String region) {
        return policyFor(region).map(p -> new PolicyInfo(p.id(), p.version(), p.region(), p.size(), p.source()));
    }
}
