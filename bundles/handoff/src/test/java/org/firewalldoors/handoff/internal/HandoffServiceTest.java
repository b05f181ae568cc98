package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fakes.LEGAL;
import static org.firewalldoors.handoff.internal.Fakes.MSL;
import static org.firewalldoors.handoff.internal.Fakes.MSL2;
import static org.firewalldoors.handoff.internal.Fakes.OFFICER;
import static org.firewalldoors.handoff.internal.Fakes.REP;
import static org.firewalldoors.handoff.internal.Fakes.REP2;
import static org.firewalldoors.handoff.internal.Fakes.SALESDIR;
import static org.firewalldoors.handoff.internal.Fakes.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.PolicyInfo;
import org.firewalldoors.api.handoff.Inquiry;
import org.firewalldoors.api.handoff.InquiryStateException;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Notifications;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordNotFoundException;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class HandoffServiceTest {

    private final Map<String, CrmRecord> stored = new HashMap<>();
    private HandoffService service;
    private DecisionPoint decisionPoint;
    private Notifications notifications;
    private AuditTrail audit;

    @BeforeEach
    void setUp() {
        service = new HandoffService();
        service.records = Fakes.store(stored);
        service.users = Fakes.users();
        service.decisionPoint = decisionPoint = mock(DecisionPoint.class);
        service.notifications = notifications = mock(Notifications.class);
        service.auditTrail = audit = mock(AuditTrail.class);
        service.guard = new InquiryGuard();
        when(decisionPoint.moduleEnabled("US", "handoff")).thenReturn(true);
        when(decisionPoint.activePolicy("US")).thenReturn(Optional.of(new PolicyInfo("us", "1.0.0", "US", 20, "test")));
        when(decisionPoint.decide(any())).thenReturn(Decision.allow());
        HandoffConfiguration config = mock(HandoffConfiguration.class);
        when(config.safetyTimeZones()).thenReturn(new String[] { "US=America/New_York" });
        service.activate(config);
    }

    private Inquiry submit() {
        return service.submit(as(REP), SubmissionTest.body());
    }

    private List<AuditEvent> audited() {
        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, org.mockito.Mockito.atLeast(0)).append(events.capture());
        return events.getAllValues();
    }

    @Test
    void aRepsSubmissionIsStoredNotifiesMedicalAffairsOnlyAndIsAudited() {
        Inquiry inquiry = submit();
        assertEquals(InquiryStatus.SUBMITTED, inquiry.status());
        assertEquals(Set.of(), inquiry.details().keySet(), "the rep sees the status only");
        CrmRecord r = stored.get(inquiry.id());
        assertEquals("rep.us", r.field("submittedBy"));
        assertEquals(true, r.field("unsolicited"));

        ArgumentCaptor<String> recipients = ArgumentCaptor.forClass(String.class);
        verify(notifications, org.mockito.Mockito.times(3)).send(recipients.capture(), eq(Notices.SUBMITTED),
                anyString(), anyMap());
        assertEquals(Set.of("msl.us", "msl2.us", "msldir.us"), Set.copyOf(recipients.getAllValues()));

        AuditEvent step = audited().get(0);
        assertEquals("HANDOFF_SUBMIT", step.action());
        assertEquals("rep.us", step.actor());
        assertEquals(inquiry.id(), step.recordId());
        assertEquals("us", step.policyId());
        assertEquals("1.0.0", step.policyVersion());
        assertEquals("STEP", step.outcome());
    }

    @Test
    void withoutTheAttestationNothingIsStoredAndTheRefusalIsAudited() {
        Map<String, Object> body = SubmissionTest.body();
        body.put("unsolicited", false);
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.submit(as(REP), body));
        assertEquals(RefusalKind.CONTENT, e.refusal().kind());
        assertEquals("H7", e.refusal().requirement());
        assertTrue(stored.isEmpty());
        verify(notifications, never()).send(anyString(), anyString(), anyString(), anyMap());
        AuditEvent refusal = audited().get(0);
        assertEquals("BLOCK", refusal.outcome());
        assertEquals("handoff.h7.unsolicited", refusal.rule());
    }

    @Test
    void theRepCannotSetTheDueDateAndTheAttemptIsAudited() {
        Map<String, Object> body = SubmissionTest.body();
        body.put("dueDate", "2026-12-01");
        assertThrows(InvalidRecordException.class, () -> service.submit(as(REP), body));
        assertTrue(stored.isEmpty());
        assertEquals("BLOCK", audited().get(0).outcome());
    }

    @Test
    void onlyRepsSubmitAndOnlyWhereTheModuleIsOn() {
        for (var p : List.of(MSL, SALESDIR, OFFICER)) {
            assertEquals(RefusalKind.FORBIDDEN, assertThrows(OperationRefusedException.class,
                    () -> service.submit(as(p), SubmissionTest.body())).refusal().kind(), p.id());
        }
        when(decisionPoint.moduleEnabled("US", "handoff")).thenReturn(false);
        OperationRefusedException off = assertThrows(OperationRefusedException.class, this::submit);
        assertEquals(RefusalKind.MODULE_DISABLED, off.refusal().kind());
        assertEquals(RefusalKind.MODULE_DISABLED, assertThrows(OperationRefusedException.class,
                () -> service.list(as(MSL), null)).refusal().kind());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aPolicyRefusalOfTheContentStoresNothing() {
        OperationRefusedException refusal = OperationRefusedException.of(RefusalKind.CONTENT, "Remove: \"decile\".");
        when(service.records.create(any(), eq("ScientificInquiry"), anyMap())).thenThrow(refusal);
        assertThrows(OperationRefusedException.class, this::submit);
        assertTrue(stored.isEmpty());
        verify(notifications, never()).send(anyString(), anyString(), anyString(), anyMap());
    }

    @Test
    void aPotentialAdverseEventOnAFridayIsDueOnMondayAndGoesToComplianceAndTheHeadOfMedicalAffairs() {
        service.clock = Clock.fixed(Instant.parse("2026-11-20T20:30:00Z"), ZoneOffset.UTC); // Friday 15:30 in New York
        when(decisionPoint.decide(any())).thenReturn(new Decision(Verdict.ALLOW, null, Set.of(),
                List.of(new Finding(FindingKind.ROUTE_TO_SAFETY, "us.x1.inquiry-adverse-event", "X1", "routed")),
                "us", "1.0.0"));
        Inquiry inquiry = submit();
        assertEquals(Map.of("status", "PENDING", "dueAt", "2026-11-23T20:30:00Z"), inquiry.detail("safety"));
        assertEquals("us.x1.inquiry-adverse-event", stored.get(inquiry.id()).field("safetyRule"));
        ArgumentCaptor<String> recipients = ArgumentCaptor.forClass(String.class);
        verify(notifications, org.mockito.Mockito.times(2)).send(recipients.capture(), eq(Notices.SAFETY_CASE),
                anyString(), anyMap());
        assertEquals(Set.of("compliance.us", "medhead.us"), Set.copyOf(recipients.getAllValues()));
        assertTrue(audited().stream().anyMatch(e -> e.action().equals("HANDOFF_SAFETY_ROUTED")));
    }

    @Test
    void theFiveStepsAndWhatEachSideSees() {
        String id = submit().id();
        assertEquals(InquiryStatus.ACCEPTED, service.accept(as(MSL), id, "HIGH", LocalDate.of(2026, 12, 4)).status());
        service.schedule(as(MSL), id, Instant.parse("2026-12-01T15:00:00Z"));
        Inquiry done = service.complete(as(MSL), id, "Discussed the renal subgroup.", null);
        assertEquals("Discussed the renal subgroup.", done.detail("mslNotes"));
        assertEquals("msl.us", done.detail("assignee"));

        Inquiry seenByRep = service.get(as(REP), id);
        assertEquals(InquiryStatus.COMPLETED, seenByRep.status());
        assertEquals(Set.of(), seenByRep.details().keySet(), "no notes, schedule, assignee or priority (H5)");

        service.shareInterest(as(MSL2), id, "Interested in long-term renal outcomes data.");
        verify(notifications).send(eq("rep.us"), eq(Notices.INTEREST), anyString(), anyMap());
        assertEquals("Interested in long-term renal outcomes data.", service.list(as(REP), null).get(0)
                .detail("interestSummary"));
        assertEquals(List.of("HANDOFF_SUBMIT", "HANDOFF_ACCEPT", "HANDOFF_SCHEDULE", "HANDOFF_COMPLETE",
                "HANDOFF_INTEREST"), audited().stream().map(AuditEvent::action).toList());
    }

    @Test
    void illegalTransitionsAreConflictsAndAudited() {
        String id = submit().id();
        assertThrows(InquiryStateException.class, () -> service.schedule(as(MSL), id, Instant.now()));
        service.decline(as(MSL), id, "Not a scientific question.");
        InquiryStateException e = assertThrows(InquiryStateException.class, () -> service.accept(as(MSL), id, null, null));
        assertEquals("H4", e.requirement());
        assertEquals(InquiryStatus.DECLINED.name(), stored.get(id).field("status"));
        assertTrue(audited().stream().filter(a -> a.outcome().equals("BLOCK")).count() >= 2);
    }

    @Test
    void aPendingSafetyForwardMustBeForwardedBeforeCompletion() {
        when(decisionPoint.decide(any())).thenReturn(new Decision(Verdict.ALLOW, null, Set.of(),
                List.of(new Finding(FindingKind.ROUTE_TO_SAFETY, "us.x1.inquiry-adverse-event", "X1", "routed")),
                "us", "1.0.0"));
        String id = submit().id();
        service.accept(as(MSL), id, null, null);
        assertEquals("X1", assertThrows(InquiryStateException.class,
                () -> service.complete(as(MSL), id, "notes", null)).requirement());
        assertEquals(RefusalKind.FORBIDDEN, assertThrows(OperationRefusedException.class,
                () -> service.safetyForwarded(as(REP), id)).refusal().kind());
        Inquiry forwarded = service.safetyForwarded(as(OFFICER), id);
        assertEquals("FORWARDED", ((Map<?, ?>) forwarded.detail("safety")).get("status"));
        assertEquals(InquiryStatus.COMPLETED, service.complete(as(MSL), id, "notes", null).status());
    }

    @Test
    void commercialSeesItsOwnSubmissionsOnlyAndNobodyElseTheQueue() {
        String mine = submit().id();
        String theirs = service.submit(as(REP2), SubmissionTest.body()).id();
        assertEquals(List.of(mine), service.list(as(REP), null).stream().map(Inquiry::id).toList());
        assertThrows(RecordNotFoundException.class, () -> service.get(as(REP), theirs));
        assertEquals(Set.of(mine, theirs), service.list(as(MSL), null).stream().map(Inquiry::id)
                .collect(Collectors.toSet()));
        assertEquals(RefusalKind.FORBIDDEN, assertThrows(OperationRefusedException.class,
                () -> service.list(as(LEGAL), null)).refusal().kind());
        assertEquals(RefusalKind.FORBIDDEN, assertThrows(OperationRefusedException.class,
                () -> service.accept(as(REP), mine, null, null)).refusal().kind());
        assertFalse(service.list(as(MSL), InquiryStatus.ACCEPTED).stream().anyMatch(i -> i.id().equals(mine)));
    }
}
