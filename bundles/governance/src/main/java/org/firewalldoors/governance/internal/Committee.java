package org.firewalldoors.governance.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The interface committee of a region: its yearly schedule (G3) and the meetings it missed. Meetings are ordinary
 * {@code Meeting} records written through the record store as the caller, so the region's policy decides each one:
 * only the head of medical affairs can chair (G1), so only they can schedule.
 */
@Component(service = Committee.class)
public final class Committee {

    /** The record type of committee meetings. */
    static final String MEETING = "Meeting";

    @Reference
    RecordStore records;
    @Reference
    UserDirectory users;

    Clock clock = Clock.systemUTC();

    /**
     * Creates the year's 12 monthly and 4 quarterly meetings, chaired by the caller, with the region's committee
     * members invited. All or nothing: if the policy refuses one, those already created are removed again.
     *
     * @throws IllegalStateException if the region already has the year's schedule
     * @throws OperationRefusedException if the policy refuses (for example G1: the caller cannot chair)
     */
    synchronized List<CrmRecord> schedule(Caller caller, int year) {
        if (!meetings(caller, year).isEmpty()) {
            throw new IllegalStateException("the committee of region " + caller.principal().region()
                    + " already has a schedule for " + year);
        }
        Principal chair = caller.principal();
        List<String> members = CommitteeMembers.of(users.inRegion(chair.region()));
        List<CrmRecord> created = new ArrayList<>();
        try {
            for (Map<String, Object> fields : CommitteeSchedule.meetings(year, chair.id(), members)) {
                created.add(records.create(caller, MEETING, fields));
            }
        } catch (RuntimeException e) {
            for (CrmRecord r : created) {
                try {
                    records.delete(caller, MEETING, r.id());
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
        return created;
    }

    /** @return the scheduled committee meetings of a year in the caller's region, as the caller may see them */
    List<CrmRecord> meetings(Caller caller, int year) {
        return records.query(caller, MEETING, Map.of("kind", CommitteeSchedule.KIND)).stream()
                .filter(m -> m.field("cadence") != null)
                .filter(m -> String.valueOf(m.field("scheduledAt")).startsWith(year + "-"))
                .sorted((a, b) -> String.valueOf(a.field("scheduledAt")).compareTo(String.valueOf(b.field("scheduledAt"))))
                .toList();
    }

    /**
     * @return the committee meetings of the caller's region that were due and have no approved minutes
     * @throws OperationRefusedException unless the caller is in compliance or the head of medical affairs
     */
    List<Map<String, Object>> missed(Caller caller) {
        Principal p = caller.principal();
        if (p.function() != BusinessFunction.COMPLIANCE && !"MEDICAL_HEAD".equals(p.role())) {
            throw OperationRefusedException.of(RefusalKind.FORBIDDEN,
                    "Missed committee meetings are followed up by compliance and the head of medical affairs (G3, G6).");
        }
        return MissedMeetings.of(records.query(caller, MEETING, Map.of("kind", CommitteeSchedule.KIND)),
                clock.instant());
    }
}
