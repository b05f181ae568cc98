package org.firewalldoors.handoff.internal;

import static org.firewalldoors.handoff.internal.Fakes.MSL;
import static org.firewalldoors.handoff.internal.Fakes.REP;
import static org.firewalldoors.handoff.internal.Fakes.REP2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InquiryGuardTest {

    private static final RecordTypeDescriptor TASK = new RecordTypeDescriptor("Task", Map.of(), true, true,
            Classification.SHARED);
    private InquiryGuard guard;
    private AuditTrail audit;

    @BeforeEach
    void setUp() {
        guard = new InquiryGuard();
        guard.decisionPoint = mock(DecisionPoint.class);
        when(guard.decisionPoint.activePolicy(any())).thenReturn(Optional.empty());
        guard.audit = audit = mock(AuditTrail.class);
        guard.others = List.of(mock(OperationInterceptor.class));
    }

    private static CrmRecord inquiry(Principal owner) {
        Instant t = Instant.parse("2026-11-20T15:00:00Z");
        return new CrmRecord("ScientificInquiry", "i-1", Map.of("status", "SUBMITTED", "submittedBy", owner.id()),
                owner.id(), "US", 1, t, t);
    }

    private static Operation op(Principal actor, Action action, CrmRecord before) {
        return new Operation(Caller.java(actor), action, InquiryRecordType.TYPE, "i-1", before, Map.of("status", "COMPLETED"),
                List.of(), "US");
    }

    @Test
    void inquiriesAreWrittenOnlyByTheWorkflow() {
        for (Action write : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.SHARE, Action.ASSIGN)) {
            Decision d = guard.intercept(op(MSL, write, write == Action.CREATE ? null : inquiry(REP)));
            assertEquals(RefusalKind.DENIED, d.refusal().kind(), write.name());
            assertEquals("X7", d.refusal().requirement());
        }
        verify(audit, org.mockito.Mockito.times(5)).append(any());
        assertFalse(guard.write(() -> guard.intercept(op(MSL, Action.UPDATE, inquiry(REP)))).blocked());
        assertTrue(guard.intercept(op(MSL, Action.UPDATE, inquiry(REP))).blocked(), "only while the workflow writes");
    }

    @Test
    void commercialReadsItsOwnInquiriesOnly() {
        assertFalse(guard.intercept(op(REP, Action.READ, inquiry(REP))).blocked());
        Decision other = guard.intercept(op(REP2, Action.READ, inquiry(REP)));
        assertEquals(RefusalKind.CONCEALED, other.refusal().kind());
        assertEquals("H3", other.refusal().requirement());
        assertTrue(guard.intercept(op(REP2, Action.EXPORT, inquiry(REP))).blocked());
        assertFalse(guard.intercept(op(MSL, Action.READ, inquiry(REP))).blocked());
        assertFalse(guard.intercept(op(REP2, Action.QUERY, null)).blocked(), "each record of a query is decided");
    }

    @Test
    void otherRecordTypesAreLeftToThePolicy() {
        Operation task = new Operation(Caller.java(REP), Action.CREATE, TASK, "t-1", null, Map.of(), List.of(), "US");
        assertFalse(guard.intercept(task).blocked());
    }

    @Test
    void aloneItFailsClosedLikeTheHost() {
        guard.others = List.of();
        Operation task = new Operation(Caller.java(REP), Action.CREATE, TASK, "t-1", null, Map.of(), List.of(), "US");
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, guard.intercept(task).refusal().kind());
        assertEquals(RefusalKind.POLICY_UNAVAILABLE,
                guard.write(() -> guard.intercept(op(REP, Action.CREATE, null))).refusal().kind());
    }
}
