package org.firewalldoors.handoff.internal;

import static org.firewalldoors.api.handoff.InquiryStatus.ACCEPTED;
import static org.firewalldoors.api.handoff.InquiryStatus.COMPLETED;
import static org.firewalldoors.api.handoff.InquiryStatus.DECLINED;
import static org.firewalldoors.api.handoff.InquiryStatus.SCHEDULED;
import static org.firewalldoors.api.handoff.InquiryStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.handoff.InquiryStateException;
import org.firewalldoors.api.handoff.InquiryStatus;
import org.firewalldoors.api.host.CrmRecord;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    static CrmRecord inquiry(InquiryStatus status, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(more);
        fields.put("status", status.name());
        Instant t = Instant.parse("2026-11-20T15:00:00Z");
        return new CrmRecord("ScientificInquiry", "i-1", fields, "rep.us", "US", 1, t, t);
    }

    @Test
    void theStateMachineOfTheApi() {
        Map<InquiryStatus, Set<InquiryStatus>> allowed = Map.of(
                SUBMITTED, EnumSet.of(ACCEPTED, DECLINED),
                ACCEPTED, EnumSet.of(SCHEDULED, COMPLETED),
                SCHEDULED, EnumSet.of(COMPLETED),
                DECLINED, EnumSet.noneOf(InquiryStatus.class),
                COMPLETED, EnumSet.noneOf(InquiryStatus.class));
        for (InquiryStatus from : InquiryStatus.values()) {
            for (InquiryStatus to : InquiryStatus.values()) {
                assertEquals(allowed.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void stepsAreCheckedAgainstTheStatus() {
        assertNull(Transitions.refusal(Step.ACCEPT, inquiry(SUBMITTED, Map.of())));
        assertNull(Transitions.refusal(Step.COMPLETE, inquiry(ACCEPTED, Map.of())));
        InquiryStateException e = Transitions.refusal(Step.SCHEDULE, inquiry(SUBMITTED, Map.of()));
        assertEquals("handoff.h4.illegal-transition", e.rule());
        assertEquals("H4", e.requirement());
        assertNotNull(Transitions.refusal(Step.ACCEPT, inquiry(DECLINED, Map.of())));
        assertNotNull(Transitions.refusal(Step.COMPLETE, inquiry(COMPLETED, Map.of())));
    }

    @Test
    void aPendingSafetyForwardBlocksCompletion() {
        CrmRecord pending = inquiry(SCHEDULED, Map.of("safetyStatus", "PENDING", "safetyDueAt", "2026-11-23T15:00:00Z"));
        InquiryStateException e = Transitions.refusal(Step.COMPLETE, pending);
        assertEquals("X1", e.requirement());
        assertNull(Transitions.refusal(Step.COMPLETE, inquiry(SCHEDULED, Map.of("safetyStatus", "FORWARDED"))));
        assertNull(Transitions.refusal(Step.SAFETY_FORWARDED, pending));
        assertNotNull(Transitions.refusal(Step.SAFETY_FORWARDED, inquiry(SCHEDULED, Map.of())));
    }

    @Test
    void theInterestIsSharedOnceAfterTheFollowUp() {
        assertNull(Transitions.refusal(Step.INTEREST, inquiry(COMPLETED, Map.of())));
        assertEquals("H6", Transitions.refusal(Step.INTEREST, inquiry(SCHEDULED, Map.of())).requirement());
        assertNotNull(Transitions.refusal(Step.INTEREST, inquiry(COMPLETED, Map.of("interestSummary", "renal data"))));
    }
}
