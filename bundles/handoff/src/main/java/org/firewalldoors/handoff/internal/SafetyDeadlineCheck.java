package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fields.SAFETY_DUE_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_ESCALATED_AT;
import static org.firewalldoors.handoff.internal.Fields.SAFETY_STATUS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.Escalations;
import org.firewalldoors.api.handoff.SafetyDeadlines;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.StaleRecordException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Escalates safety forwards that missed their due time (X1) to the region's
 * compliance officer and head of medical affairs (G7), once each. Checks by
 * itself on a schedule of its own, whether or not the region's hand-off module
 * is on: a pending adverse event stays an obligation. It reads and marks the
 * inquiries through the record store, as a system principal of the
 * Compliance function.
 */
@Component(service = SafetyDeadlines.class, configurationPid = HandoffConfiguration.PID)
public final class SafetyDeadlineCheck implements SafetyDeadlines {

    static final String SYSTEM_ID = "system.safety-deadlines";
    static final String RULE = "handoff.x1.safety-overdue";

    private static final System.Logger LOG = System.getLogger(SafetyDeadlineCheck.class.getName());

    @Reference
    RecordStore records;
    @Reference
    Escalations escalations;
    @Reference
    AuditTrail auditTrail;
    @Reference
    DecisionPoint decisionPoint;
    @Reference
    InquiryGuard guard;

    private ScheduledExecutorService executor;

    @Activate
    void activate(HandoffConfiguration config) {
        List<String> regions = Settings.list(config.safetyCheckRegions());
        long interval = Math.max(1, config.safetyCheckIntervalSeconds());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "firewalldoors-safety-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> checkAll(regions), interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void checkAll(List<String> regions) {
        for (String region : regions) {
            if (decisionPoint.activePolicy(region).isEmpty()) {
                // Fail closed: nothing is read there now. Not asking keeps refusals out of the audit trail.
                continue;
            }
            try {
                escalateOverdue(region, Clock.systemUTC());
            } catch (OperationRefusedException e) {
                LOG.log(System.Logger.Level.INFO, "safety deadlines of {0} not checked: {1}", region, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "checking the safety deadlines of " + region + " failed", e);
            }
        }
    }

    @Override
    public synchronized List<String> escalateOverdue(String region, Clock clock) {
        Caller system = Caller.java(new Principal(SYSTEM_ID, BusinessFunction.COMPLIANCE, "SYSTEM", region, null));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StepAudit audit = new StepAudit(auditTrail, decisionPoint);
        List<String> escalated = new ArrayList<>();
        for (CrmRecord r : records.query(system, ScientificInquiries.RECORD_TYPE,
                Map.of(SAFETY_STATUS, Safety.PENDING))) {
            if (!Safety.overdue(r, now)) {
                continue;
            }
            String description = "The potential adverse event in scientific inquiry " + r.id()
                    + " was due for forwarding to pharmacovigilance at " + r.field(SAFETY_DUE_AT)
                    + " and is still pending (X1).";
            // Raised before the inquiry is marked: a failure may repeat an escalation, never lose one.
            escalations.raise(region, "SAFETY", RULE, "X1", SYSTEM_ID, description, ScientificInquiries.RECORD_TYPE,
                    r.id());
            try {
                guard.write(() -> records.update(system, ScientificInquiries.RECORD_TYPE, r.id(),
                        Map.of(SAFETY_ESCALATED_AT, now.toString()), r.version()));
            } catch (StaleRecordException e) {
                LOG.log(System.Logger.Level.INFO, "inquiry {0} changed while it was escalated", r.id());
            }
            audit.step(system, Step.SAFETY_ESCALATED, r.id(), description, Map.of(),
                    Map.of(SAFETY_ESCALATED_AT, now.toString()));
            escalated.add(r.id());
        }
        return escalated;
    }
}
