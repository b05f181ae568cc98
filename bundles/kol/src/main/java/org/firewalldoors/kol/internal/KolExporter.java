package org.firewalldoors.kol.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.ExportCursor;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolExportSummary;
import org.firewalldoors.api.kol.KolIntelligence;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The KOL intelligence export (K1, K3): streams the region's profiles from the
 * host's streamed export (each one decided by the interceptors as the caller),
 * cuts each down to what the region's door lets through, writes it at once and
 * keeps nothing; ends with the trailer, and audits the export as one door
 * crossing with its count.
 */
@Component(service = KolExporter.class)
public final class KolExporter {

    @Reference
    RecordStore records;
    @Reference
    DecisionPoint decisions;
    @Reference
    AuditTrail audit;
    @Reference
    UserDirectory users;

    Clock clock = Clock.systemUTC();

    /** See {@link KolIntelligence#export}. */
    KolExportSummary export(Caller caller, KolExportRequest request, OutputStream out) throws IOException {
        Principal actor = caller.principal();
        String region = request.region() == null ? actor.region() : region(request.region());
        if (!actor.is(BusinessFunction.MEDICAL) && !actor.is(BusinessFunction.COMMERCIAL)) {
            throw Refusals.refuse(audit, caller, "EXPORT", region, RefusalKind.FORBIDDEN, "kol.export.function", "K1",
                    "KOL intelligence is exported to Medical Affairs and Commercial only (K1).");
        }
        if (!region.equals(actor.region())) {
            throw Refusals.refuse(audit, caller, "EXPORT", region, RefusalKind.FORBIDDEN, "kol.export.other-region",
                    "X3", "KOL intelligence is exported only to users of its own region, " + actor.region() + " (X3).");
        }
        if (!decisions.moduleEnabled(region, KolIntelligence.EXPORT_MODULE)) {
            throw Refusals.refuse(audit, caller, "EXPORT", region, RefusalKind.MODULE_DISABLED,
                    "kol.export.module-disabled", "X3", "The module " + KolIntelligence.EXPORT_MODULE
                            + " is not enabled in region " + region + ".");
        }
        ExportCursor start = ExportCursors.start(request.since(), request.cursor());
        RecordTypeDescriptor type = records.recordType(KolIntelligence.RECORD_TYPE)
                .orElseThrow(() -> RecordNotFoundException.type(KolIntelligence.RECORD_TYPE));
        DoorView door;
        try {
            door = DoorView.open(decisions, users, type, region, caller.channel(), clock.instant());
        } catch (OperationRefusedException e) {
            Refusals.audit(audit, caller, "EXPORT", region, e);
            throw e;
        }
        ExportLines lines = ExportLines.of(request.format(), out);
        Progress progress = new Progress(start);
        KolExportSummary summary = null;
        try {
            // The cursor moves over exported profiles only: the host never hands Commercial a profile the door
            // keeps back, so moving over those for Medical Affairs would make the two exports differ.
            records.export(caller, KolIntelligence.RECORD_TYPE, Map.of(), start, r -> {
                Set<String> withheld = door.withheld(r);
                if (withheld == null) {
                    return; // the door keeps the whole profile back
                }
                try {
                    lines.write(r, withheld);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // Profiles come in creation order; the cursor is the latest change this caller could see.
                ExportCursor at = ExportCursor.after(r);
                if (ExportCursors.isAfter(at, progress.position)) {
                    progress.position = at;
                }
                progress.count++;
            });
            summary = lines.finish(progress.count, door.policyId(), door.policyVersion(),
                    ExportCursors.encode(progress.position));
            return summary;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            audit(caller, region, request, door, progress, summary);
        }
    }

    /** One audited door crossing per export, with its count; an export cut short says so (K1, X2). */
    private void audit(Caller caller, String region, KolExportRequest request, DoorView door, Progress progress,
            KolExportSummary summary) {
        if (summary == null && progress.count == 0) {
            return; // nothing crossed; a refusal by the host was audited by the firewall
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", progress.count);
        details.put("format", request.format().name());
        details.put("since", request.since() == null ? null : request.since().toString());
        details.put("cursor", ExportCursors.encode(progress.position));
        details.put("sha256", summary == null ? null : summary.sha256());
        String message = "KOL intelligence export of " + progress.count + " profiles through " + door.door()
                + (summary == null ? ", cut short" : "") + " [" + caller.channel() + "]";
        audit.append(new AuditEvent(caller.principal().id(), "EXPORT", KolIntelligence.RECORD_TYPE, null, region,
                "CROSSING", door.door(), door.requirement() == null ? "K1" : door.requirement(), door.policyId(),
                door.policyVersion(), message, Map.of(), details));
    }

    /** How far an export got. */
    private static final class Progress {
        ExportCursor position;
        long count;

        Progress(ExportCursor start) {
            this.position = start;
        }
    }

    /** @throws InvalidRecordException for a malformed region code */
    static String region(String code) {
        if (code == null || !code.trim().matches("[A-Za-z]{2,16}")) {
            throw new InvalidRecordException("'region' must be a region code such as US");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
