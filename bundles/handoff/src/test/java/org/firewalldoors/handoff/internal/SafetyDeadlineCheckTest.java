package org.firewalldoors.handoff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.Escalations;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.host.CrmRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafetyDeadlineCheckTest {

    private final Map<String, CrmRecord> stored = new HashMap<>();
    private SafetyDeadlineCheck check;
    private Escalations escalations;

    @BeforeEach
    void setUp() {
        check = new SafetyDeadlineCheck();
        check.records = Fakes.store(stored);
        check.escalations = escalations = mock(Escalations.class);
        check.auditTrail = mock(AuditTrail.class);
        check.decisionPoint = mock(DecisionPoint.class);
        when(check.decisionPoint.activePolicy(any())).thenReturn(Optional.empty());
        check.guard = new InquiryGuard();
        put("due-monday", "PENDING", "2026-11-23T20:30:00Z");
        put("forwarded", "FORWARDED", "2026-11-23T20:30:00Z");
        put("due-tuesday", "PENDING", "2026-11-24T20:30:00Z");
    }

    private void put(String id, String safety, String dueAt) {
        Instant t = Instant.parse("2026-11-20T20:30:00Z");
        stored.put(id, new CrmRecord("ScientificInquiry", id, Map.of("status", InquiryStatus.ACCEPTED.name(),
                "safetyStatus", safety, "safetyDueAt", dueAt), "rep.us", "US", 1, t, t));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aMissedDueTimeEscalatesOnceToComplianceAndMedicalAffairs() {
        assertEquals(List.of(), check.escalateOverdue("US", at("2026-11-23T20:29:00Z")));
        assertEquals(List.of("due-monday"), check.escalateOverdue("US", at("2026-11-23T20:31:00Z")));
        verify(escalations).raise(eq("US"), eq("SAFETY"), eq(SafetyDeadlineCheck.RULE), eq("X1"),
                eq(SafetyDeadlineCheck.SYSTEM_ID), anyString(), eq("ScientificInquiry"), eq("due-monday"));
        assertEquals("2026-11-23T20:31:00Z", stored.get("due-monday").field("safetyEscalatedAt"));
        assertEquals(List.of(), check.escalateOverdue("US", at("2026-11-23T21:00:00Z")), "once only");
        assertEquals(List.of("due-tuesday"), check.escalateOverdue("US", at("2026-11-25T00:00:00Z")));
        verify(escalations, times(2)).raise(any(), any(), any(), any(), any(), any(), any(), any());
        assertTrue(stored.get("forwarded").field("safetyEscalatedAt") == null);
    }
}
