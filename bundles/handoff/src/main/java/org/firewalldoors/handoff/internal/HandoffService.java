package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.handoff.Inquiry;
import org.firewalldoors.api.handoff.InquiryStateException;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Notifications;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The hand-off workflow (door 2). Every step reads and writes the inquiry
 * through the host's record store, so the region's policy decides it, and is
 * audited with the policy version (H8). The checks of this class are the
 * protocol's own: who may take which step, the attestation (H7), the status
 * transitions (H4) and the pending safety forward (X1); the content checks
 * (H2, H6) and the adverse-event routing (X1) are the policy's rules.
 */
@Component(service = ScientificInquiries.class, configurationPid = HandoffConfiguration.PID)
@Designate(ocd = HandoffConfiguration.class)
public final class HandoffService implements ScientificInquiries {

    static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH");
    static final int MAX_NOTE = 4000;

    @Reference
    RecordStore records;
    @Reference
    DecisionPoint decisionPoint;
    @Reference
    UserDirectory users;
    @Reference
    Notifications notifications;
    @Reference
    AuditTrail auditTrail;
    @Reference
    InquiryGuard guard;

    Clock clock = Clock.systemUTC();
    private volatile List<String> safetyZones = List.of();
    private StepAudit audit;
    private Notices notices;

    @Activate
    @Modified
    void activate(HandoffConfiguration config) {
        safetyZones = Settings.list(config.safetyTimeZones());
        audit = new StepAudit(auditTrail, decisionPoint);
        notices = new Notices(notifications, users);
    }

    @Override
    public Inquiry submit(Caller caller, Map<String, Object> submission) {
        Principal rep = caller.principal();
        requireModule(caller, Step.SUBMIT, null);
        if (rep.function() != BusinessFunction.COMMERCIAL || !"REP".equals(rep.role())) {
            throw refuse(caller, Step.SUBMIT, null, RefusalKind.FORBIDDEN, "handoff.h1.reps-submit", "H1",
                    "Scientific inquiries are logged by reps who met the HCP (H1).");
        }
        Map<String, Object> fields;
        try {
            fields = Submission.fields(submission);
        } catch (InvalidRecordException e) {
            audit.refused(caller, Step.SUBMIT, null, "handoff.h2.capture-fields", "H2", e.getMessage());
            throw e;
        }
        if (!Submission.attested(submission)) {
            throw refuse(caller, Step.SUBMIT, null, RefusalKind.CONTENT, "handoff.h7.unsolicited", "H7",
                    "The rep must attest that the HCP raised the question unprompted: set \"unsolicited\": true (H7).");
        }
        fields.put(UNSOLICITED, Boolean.TRUE);
        fields.put(STATUS, InquiryStatus.SUBMITTED.name());
        fields.put(SUBMITTED_BY, rep.id());
        Optional<Finding> safety = Safety.finding(decisionPoint,
                records.recordType(RECORD_TYPE).orElse(InquiryRecordType.TYPE), caller, fields);
        if (safety.isPresent()) {
            Instant awareAt = now();
            Safety.open(fields, safety.get().ruleId(), awareAt,
                    BusinessDays.nextBusinessDay(awareAt, BusinessDays.zoneOf(rep.region(), safetyZones)));
        }
        CrmRecord r = guard.write(() -> records.create(caller, RECORD_TYPE, fields));
        audit.step(caller, Step.SUBMIT, r.id(), "Scientific inquiry logged (" + fields.get(CATEGORY) + ").", Map.of(),
                fields);
        notices.submitted(r);
        if (safety.isPresent()) {
            audit.step(caller, Step.SAFETY_ROUTED, r.id(), safety.get().message() + " Due " + r.field(SAFETY_DUE_AT)
                    + ".", Map.of(), Map.of(SAFETY_STATUS, Safety.PENDING, SAFETY_DUE_AT, r.field(SAFETY_DUE_AT)));
            notices.safetyCase(r);
        }
        return Views.of(r, rep);
    }

    @Override
    public List<Inquiry> list(Caller caller, InquiryStatus status) {
        Principal p = caller.principal();
        requireModule(caller, Step.LIST, null);
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (status != null) {
            criteria.put(STATUS, status.name());
        }
        if (p.function() == BusinessFunction.COMMERCIAL) {
            criteria.put(SUBMITTED_BY, p.id());
        } else if (p.function() != BusinessFunction.MEDICAL) {
            throw refuse(caller, Step.LIST, null, RefusalKind.FORBIDDEN, "handoff.h3.medical-queue", "H3",
                    "The hand-off queue is Medical Affairs'; reps see their own submissions (H3).");
        }
        return records.query(caller, RECORD_TYPE, criteria).stream()
                .filter(r -> visibleTo(p, r))
                .sorted(Comparator.comparing(CrmRecord::createdAt).reversed())
                .map(r -> Views.of(r, p)).toList();
    }

    @Override
    public Inquiry get(Caller caller, String id) {
        Principal p = caller.principal();
        requireModule(caller, Step.READ, id);
        if (p.function() != BusinessFunction.COMMERCIAL && p.function() != BusinessFunction.MEDICAL) {
            throw refuse(caller, Step.READ, id, RefusalKind.FORBIDDEN, "handoff.h3.medical-queue", "H3",
                    "The hand-off queue is Medical Affairs'; reps see their own submissions (H3).");
        }
        return Views.of(load(caller, id), p);
    }

    @Override
    public Inquiry accept(Caller caller, String id, String priority, LocalDate dueDate) {
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw new InvalidRecordException("'priority' must be one of " + PRIORITIES.stream().sorted().toList());
        }
        return apply(caller, id, Step.ACCEPT, r -> {
            Map<String, Object> changes = transition(Step.ACCEPT, ACCEPTED_AT);
            changes.put(ASSIGNEE, caller.principal().id());
            putIfPresent(changes, PRIORITY, priority);
            putIfPresent(changes, DUE_DATE, dueDate == null ? null : dueDate.toString());
            return changes;
        });
    }

    @Override
    public Inquiry decline(Caller caller, String id, String reason) {
        String text = Submission.text(reason, "reason", MAX_NOTE, true);
        return apply(caller, id, Step.DECLINE, r -> {
            Map<String, Object> changes = transition(Step.DECLINE, DECLINED_AT);
            changes.put(DECLINE_REASON, text);
            return changes;
        });
    }

    @Override
    public Inquiry schedule(Caller caller, String id, Instant at) {
        if (at == null) {
            throw new InvalidRecordException("'at' is required: when the MSL follows up");
        }
        return apply(caller, id, Step.SCHEDULE, r -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put(STATUS, InquiryStatus.SCHEDULED.name());
            changes.put(SCHEDULED_AT, at.toString());
            return changes;
        });
    }

    @Override
    public Inquiry complete(Caller caller, String id, String notes, LocalDate followUpDate) {
        String text = Submission.text(notes, "notes", MAX_NOTE, true);
        return apply(caller, id, Step.COMPLETE, r -> {
            Map<String, Object> changes = transition(Step.COMPLETE, COMPLETED_AT);
            changes.put(MSL_NOTES, text);
            putIfPresent(changes, FOLLOW_UP_DATE, followUpDate == null ? null : followUpDate.toString());
            return changes;
        });
    }

    @Override
    public Inquiry shareInterest(Caller caller, String id, String summary) {
        String text = Submission.text(summary, "summary", MAX_NOTE, true);
        Inquiry shared = apply(caller, id, Step.INTEREST, r -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put(INTEREST_SUMMARY, text);
            changes.put(INTEREST_SHARED_AT, now().toString());
            changes.put(INTEREST_SHARED_BY, caller.principal().id());
            return changes;
        });
        notices.interest(String.valueOf(shared.detail(SUBMITTED_BY)), id, text);
        return shared;
    }

    @Override
    public Inquiry safetyForwarded(Caller caller, String id) {
        return apply(caller, id, Step.SAFETY_FORWARDED, r -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put(SAFETY_STATUS, Safety.FORWARDED);
            changes.put(SAFETY_FORWARDED_AT, now().toString());
            changes.put(SAFETY_FORWARDED_BY, caller.principal().id());
            return changes;
        });
    }

    /** One step on a stored inquiry: who may take it, whether it fits, the change, the audit. */
    private Inquiry apply(Caller caller, String id, Step step, Function<CrmRecord, Map<String, Object>> changes) {
        Principal actor = caller.principal();
        requireModule(caller, step, id);
        boolean oversight = step == Step.SAFETY_FORWARDED && actor.function() == BusinessFunction.COMPLIANCE;
        if (actor.function() != BusinessFunction.MEDICAL && !oversight) {
            throw refuse(caller, step, id, RefusalKind.FORBIDDEN, "handoff.h4.medical-steps", "H4",
                    "Only Medical Affairs reviews, schedules and follows up scientific inquiries (H4).");
        }
        CrmRecord before = load(caller, id);
        InquiryStateException misfit = Transitions.refusal(step, before);
        if (misfit != null) {
            audit.refused(caller, step, id, misfit.rule(), misfit.requirement(), misfit.getMessage());
            throw misfit;
        }
        Map<String, Object> change = changes.apply(before);
        CrmRecord after = guard.write(() -> records.update(caller, RECORD_TYPE, id, change, before.version()));
        Map<String, Object> old = new LinkedHashMap<>();
        change.keySet().forEach(k -> putIfPresent(old, k, before.field(k)));
        audit.step(caller, step, id, "Scientific inquiry: " + step.name().toLowerCase().replace('_', ' ') + ".", old,
                change);
        return Views.of(after, actor);
    }

    /** @return the inquiry as the caller may read it; absent, concealed or somebody else's is not found */
    private CrmRecord load(Caller caller, String id) {
        return records.read(caller, RECORD_TYPE, id).filter(r -> visibleTo(caller.principal(), r))
                .orElseThrow(() -> RecordNotFoundException.record(RECORD_TYPE, id));
    }

    /** Commercial sees its own submissions only (H3), whatever the store let through. */
    private static boolean visibleTo(Principal p, CrmRecord r) {
        return p.function() != BusinessFunction.COMMERCIAL || p.id().equals(r.field(SUBMITTED_BY));
    }

    private void requireModule(Caller caller, Step step, String id) {
        String region = caller.principal().region();
        if (!decisionPoint.moduleEnabled(region, MODULE)) {
            throw refuse(caller, step, id, RefusalKind.MODULE_DISABLED, "handoff.module-disabled", "X3",
                    "The scientific-inquiry hand-off is switched off in region " + region + ".");
        }
    }

    private OperationRefusedException refuse(Caller caller, Step step, String id, RefusalKind kind, String rule,
            String requirement, String message) {
        audit.refused(caller, step, id, rule, requirement, message);
        return new OperationRefusedException(
                Decision.block(new Refusal(kind, rule, requirement, message, null), null, null));
    }

    private Map<String, Object> transition(Step step, String timeField) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(STATUS, step.target.name());
        changes.put(timeField, now().toString());
        return changes;
    }

    /** @return the time, to the microsecond as the host keeps it */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
