package org.firewalldoors.kol.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolExportSummary;
import org.firewalldoors.api.kol.KolIntelligence;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolProfileRecord;
import org.firewalldoors.api.kol.KolTier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * KOL intelligence through the host's record store only: every write and read
 * is decided by the region's policy for the caller's channel (X7). Commercial
 * writers are not turned away here but by the policy, so that the refusal
 * names its rule and is audited with it (K2).
 */
@Component(service = KolIntelligence.class)
public final class KolIntelligenceService implements KolIntelligence {

    @Reference
    RecordStore records;
    /** No KOL intelligence without the firewall: the service is not there while the decision point is not. */
    @Reference
    DecisionPoint decisions;
    @Reference
    AuditTrail audit;
    @Reference
    KolExporter exporter;

    @Override
    public KolProfileRecord create(Caller caller, KolProfile profile) {
        mayWrite(caller, "CREATE");
        KolProfile p = complete(caller, profile);
        KolTier tier = Tiering.of(p);
        return ProfileFields.record(records.create(caller, RECORD_TYPE, ProfileFields.of(p, tier)));
    }

    @Override
    public KolProfileRecord update(Caller caller, String id, KolProfile profile, long expectedVersion) {
        mayWrite(caller, "UPDATE");
        KolProfile p = complete(caller, profile);
        KolTier tier = Tiering.of(p);
        return ProfileFields.record(records.update(caller, RECORD_TYPE, id, ProfileFields.replacing(p, tier),
                expectedVersion));
    }

    @Override
    public Optional<KolProfileRecord> read(Caller caller, String id) {
        return records.read(caller, RECORD_TYPE, id).map(ProfileFields::record);
    }

    @Override
    public List<KolProfileRecord> list(Caller caller) {
        return records.query(caller, RECORD_TYPE, Map.of()).stream().map(ProfileFields::record)
                .sorted(Comparator.comparing((KolProfileRecord r) -> String.valueOf(r.profile().name()),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(KolProfileRecord::id))
                .toList();
    }

    @Override
    public void delete(Caller caller, String id) {
        mayWrite(caller, "DELETE");
        records.delete(caller, RECORD_TYPE, id);
    }

    @Override
    public KolExportSummary export(Caller caller, KolExportRequest request, OutputStream out) throws IOException {
        return exporter.export(caller, request, out);
    }

    /** Compliance, Legal and IT keep no KOL profiles; Commercial is refused by the policy (K2). */
    private void mayWrite(Caller caller, String action) {
        Principal p = caller.principal();
        if (!p.is(BusinessFunction.MEDICAL) && !p.is(BusinessFunction.COMMERCIAL)) {
            throw Refusals.refuse(audit, caller, action, p.region(), RefusalKind.FORBIDDEN, "kol.write.function", "K2",
                    "KOL profiles are written by Medical Affairs only (K2).");
        }
    }

    /** The HCP and their name are required; the region is the author's own. */
    private static KolProfile complete(Caller caller, KolProfile p) {
        if (p.hcpId() == null || p.hcpId().isBlank()) {
            throw new InvalidRecordException("KolProfile needs field 'hcpId'");
        }
        if (p.name() == null || p.name().isBlank()) {
            throw new InvalidRecordException("KolProfile needs field 'name'");
        }
        String region = caller.principal().region();
        if (p.region() != null && !p.region().equals(region)) {
            throw new InvalidRecordException("field 'region' must be the author's region " + region + ", not "
                    + p.region());
        }
        return new KolProfile(p.hcpId(), p.name(), p.specialty(), p.institution(), region, p.scientificInterests(),
                p.dataGaps(), p.publications(), p.trialRoles(), p.guidelineRoles(), p.societyRoles(), p.peers(),
                p.profilingObjection() == null ? Boolean.FALSE : p.profilingObjection(), p.mslNotes(), p.lastVisit(),
                p.visitCount(), p.visitFrequency());
    }
}
