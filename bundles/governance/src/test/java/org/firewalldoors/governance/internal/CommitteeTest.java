package org.firewalldoors.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The committee component: all-or-nothing schedules (G3), one schedule a year, missed meetings for compliance. */
class CommitteeTest {

    private static final Instant NOW = Instant.parse("2027-05-01T00:00:00Z");
    private static final Principal HEAD = new Principal("medhead.us", BusinessFunction.MEDICAL, "MEDICAL_HEAD", "US", null);
    private static final Caller CALLER = Caller.java(HEAD);

    private Committee committee;
    private RecordStore records;

    @BeforeEach
    void setUp() {
        committee = new Committee();
        records = mock(RecordStore.class);
        committee.records = records;
        committee.users = mock(UserDirectory.class);
        committee.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(committee.users.inRegion("US")).thenReturn(List.of(HEAD));
        when(records.query(any(), eq("Meeting"), anyMap())).thenReturn(List.of());
    }

    private static CrmRecord meeting(String id, Map<String, Object> fields) {
        return new CrmRecord("Meeting", id, fields, "medhead.us", "US", 1, NOW, NOW);
    }

    @Test
    void g3ARefusedMeetingUndoesTheOnesAlreadyCreated() {
        AtomicInteger n = new AtomicInteger();
        when(records.create(eq(CALLER), eq("Meeting"), anyMap())).thenAnswer(inv -> {
            if (n.incrementAndGet() == 3) {
                throw new OperationRefusedException(Decision.block(new Refusal(RefusalKind.DENIED, "us.g1.committee-chair",
                        "G1", "no", null), "us", "1"));
            }
            return meeting("m" + n.get(), inv.getArgument(2));
        });
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> committee.schedule(CALLER, 2027));
        assertEquals("G1", e.refusal().requirement());
        verify(records).delete(CALLER, "Meeting", "m1");
        verify(records).delete(CALLER, "Meeting", "m2");
        verify(records, times(2)).delete(any(), anyString(), anyString());
    }

    @Test
    void g3AYearIsScheduledOnce() {
        when(records.query(any(), eq("Meeting"), anyMap())).thenReturn(List.of(meeting("m1", Map.of("kind",
                "INTERFACE_COMMITTEE", "cadence", "MONTHLY_OPERATIONAL", "scheduledAt", "2027-01-05T15:00:00Z"))));
        assertThrows(IllegalStateException.class, () -> committee.schedule(CALLER, 2027));
        verify(records, never()).create(any(), anyString(), anyMap());
        when(records.create(eq(CALLER), eq("Meeting"), anyMap())).thenAnswer(inv -> meeting("x", inv.getArgument(2)));
        assertEquals(16, committee.schedule(CALLER, 2028).size(), "another year is free");
    }

    @Test
    void g3MissedMeetingsAreThoseDueWithoutApprovedMinutes() {
        when(records.query(any(), eq("Meeting"), anyMap())).thenReturn(List.of(
                meeting("due", Map.of("kind", "INTERFACE_COMMITTEE", "scheduledAt", "2027-04-06T15:00:00Z", "minutesApproved", false)),
                meeting("held", Map.of("kind", "INTERFACE_COMMITTEE", "scheduledAt", "2027-03-02T15:00:00Z", "minutesApproved", true)),
                meeting("later", Map.of("kind", "INTERFACE_COMMITTEE", "scheduledAt", "2027-06-01T15:00:00Z")),
                meeting("older", Map.of("kind", "INTERFACE_COMMITTEE", "scheduledAt", "2027-02-02T15:00:00Z")),
                meeting("sales", Map.of("kind", "SALES", "scheduledAt", "2027-02-02T15:00:00Z"))));
        Principal officer = new Principal("compliance.us", BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER", "US", null);
        List<Map<String, Object>> missed = committee.missed(Caller.java(officer));
        assertEquals(List.of("older", "due"), missed.stream().map(m -> m.get("id")).toList());
        assertEquals(2, committee.missed(CALLER).size(), "the chair sees them too");
        Principal rep = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
        assertEquals(RefusalKind.FORBIDDEN, assertThrows(OperationRefusedException.class,
                () -> committee.missed(Caller.java(rep))).refusal().kind());
    }
}
