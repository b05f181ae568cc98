package org.firewalldoors.kol.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.DoorPlan;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.UserDirectory;

/**
 * What the region's MEDICAL_TO_COMMERCIAL door lets through of each profile
 * (K1, K3), asked of the decision point for a Commercial reader of the region.
 * The export applies it to every caller, so Medical Affairs exports exactly
 * what Commercial gets. The decision point has no side effects: the one audit
 * entry of an export is the exporter's.
 */
final class DoorView {

    /** The reader the door is asked about: Commercial of the region, no one in particular. */
    static final String VIEWER = "kol-door-viewer";
    /** The rule id of the refusal when the region's policy opens no door. */
    static final String NO_DOOR = "kol.export.no-door";
    /** The author of the probe profile. */
    static final String AUTHOR = "kol-door-author";

    private final DoorPlan plan;
    private final UserDirectory users;
    private final Principal author;
    private final String door;
    private final String requirement;
    private final String policyId;
    private final String policyVersion;

    private DoorView(DoorPlan plan, UserDirectory users, Principal author, Finding crossing, Decision probe) {
        this.plan = plan;
        this.users = users;
        this.author = author;
        this.door = crossing.ruleId();
        this.requirement = crossing.requirement();
        this.policyId = probe.policyId();
        this.policyVersion = probe.policyVersion();
    }

    /**
     * Finds the region's door by deciding an export of an empty profile; the decision point plans the door once
     * for the whole export, and each profile is then decided on its own content.
     *
     * @throws OperationRefusedException POLICY_UNAVAILABLE without a policy (X5), DENIED when the policy opens no door
     */
    static DoorView open(DecisionPoint decisions, UserDirectory users, RecordTypeDescriptor type, String region,
            Channel channel, Instant now) {
        Caller viewer = new Caller(new Principal(VIEWER, BusinessFunction.COMMERCIAL, "DOOR", region, null), channel);
        Principal author = new Principal(AUTHOR, BusinessFunction.MEDICAL, "MSL", region, null);
        CrmRecord probe = new CrmRecord(type.name(), "door-probe", Map.of(), AUTHOR, region, 1, now, now);
        DoorPlan plan = decisions.plan(export(viewer, type, probe, author));
        Decision d = plan.decide(probe, author);
        if (d.blocked() && d.refusal().kind() == RefusalKind.POLICY_UNAVAILABLE) {
            throw new OperationRefusedException(d);
        }
        Optional<Finding> crossing = d.blocked() ? Optional.empty()
                : d.findings().stream().filter(f -> f.kind() == FindingKind.CROSSING).findFirst();
        if (crossing.isEmpty()) {
            throw new OperationRefusedException(Decision.block(new Refusal(RefusalKind.DENIED, NO_DOOR, "K1",
                    "The policy of region " + region + " opens no door for KOL intelligence to Commercial: "
                            + "nothing can be exported (K1).", null), d.policyId(), d.policyVersion()));
        }
        return new DoorView(plan, users, author, crossing.get(), d);
    }

    /**
     * @return the fields of the profile the door withholds (the exportable ones it lets through and the profile
     *         has cross); null when the door keeps the whole profile back (for example an HCP who objected to
     *         profiling, X3)
     * @throws OperationRefusedException when the policy went away during the export (X5)
     */
    Set<String> withheld(CrmRecord r) {
        Principal owner = users.find(r.owner()).orElse(author);
        // The region is the record's, not a field; shown to the door as one, so that the door decides it too.
        Decision d = plan.decide(r, WithRegion.of(r.fields(), r.region()), owner);
        if (d.blocked()) {
            RefusalKind kind = d.refusal().kind();
            if (kind == RefusalKind.POLICY_UNAVAILABLE || kind == RefusalKind.MODULE_DISABLED) {
                throw new OperationRefusedException(d);
            }
            return null;
        }
        return d.redactedFields();
    }

    /** @return the value of an exportable field of a profile as it crosses; null when withheld or absent */
    static Object crossing(CrmRecord r, Set<String> withheld, String name) {
        if (withheld.contains(name)) {
            return null;
        }
        return name.equals(KolFields.REGION) ? r.region() : r.fields().get(name);
    }

    private static Operation export(Caller viewer, RecordTypeDescriptor type, CrmRecord r, Principal owner) {
        return new Operation(viewer, Action.EXPORT, type, r.id(), r, Map.of(),
                List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, owner)), r.region());
    }

    /** @return the id of the door */
    String door() {
        return door;
    }

    /** @return the requirement the door cites */
    String requirement() {
        return requirement;
    }

    String policyId() {
        return policyId;
    }

    String policyVersion() {
        return policyVersion;
    }
}
