package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.ACCOUNT_PLAN;
import static org.firewalldoors.compliance.internal.policy.Ops.CALL_REPORT;
import static org.firewalldoors.compliance.internal.policy.Ops.COMPLIANCE;
import static org.firewalldoors.compliance.internal.policy.Ops.KOL;
import static org.firewalldoors.compliance.internal.policy.Ops.MEETING;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_UNDER_SALES;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.SALESDIR;
import static org.firewalldoors.compliance.internal.policy.Ops.TASK;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private CompiledPolicy us;
    private PolicyEngine engine;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        us = PolicyCompiler.compile("policy/us.json", PolicyCompilerTest.usPolicy(), "test");
        Function<String, Optional<Principal>> users = mock(Function.class);
        when(users.apply(anyString())).thenReturn(Optional.empty());
        when(users.apply("salesdir.us")).thenReturn(Optional.of(SALESDIR));
        engine = new PolicyEngine(users);
    }

    private static Set<FindingKind> kinds(Decision d) {
        return Set.copyOf(d.findings().stream().map(Finding::kind).toList());
    }

    @Test
    void k3AnMslCallReportIsConcealedFromCommercialForEveryAction() {
        CrmRecord report = record(CALL_REPORT, MSL, Map.of("notes", "journal club"));
        for (Action a : List.of(Action.READ, Action.EXPORT, Action.UPDATE, Action.DELETE, Action.SHARE, Action.ASSIGN)) {
            Decision d = engine.decide(us, on(REP, a, report, MSL, Map.of()));
            assertTrue(d.blocked(), a.name());
            assertEquals(RefusalKind.CONCEALED, d.refusal().kind(), a.name());
            assertEquals("K3", d.refusal().requirement());
            assertEquals("us", d.policyId());
        }
        assertFalse(engine.decide(us, on(MSL, Action.READ, report, MSL, Map.of())).blocked());
        assertFalse(engine.decide(us, on(COMPLIANCE, Action.READ, report, MSL, Map.of())).blocked());
        CrmRecord repReport = record(CALL_REPORT, REP, Map.of("notes", "detailing"));
        assertTrue(engine.decide(us, on(MSL, Action.READ, repReport, REP, Map.of())).blocked(), "and the other way");
    }

    @Test
    void k3SharingAnMslCallReportWithCommercialIsDenied() {
        CrmRecord report = record(CALL_REPORT, MSL, Map.of("notes", "journal club"));
        Decision d = engine.decide(us, on(MSL, Action.SHARE, report, MSL, Map.of(),
                new RelatedPrincipal(RelatedPrincipal.RECIPIENT, REP)));
        assertEquals(RefusalKind.DENIED, d.refusal().kind());
        assertEquals("firewall.CallReport.share", d.refusal().ruleId());
    }

    @Test
    void a2EachSideReadsOnlyItsOwnObjectiveAndCannotWriteTheOther() {
        CrmRecord plan = record(ACCOUNT_PLAN, MSL, Map.of("accountId", "a", "medicalObjective", "m",
                "commercialObjective", "c", "mslCallFrequency", 2));
        Decision repRead = engine.decide(us, on(REP, Action.READ, plan, MSL, Map.of()));
        assertEquals(Set.of("medicalObjective", "mslCallFrequency", "mslVisitPriority", "mslTargetList"),
                repRead.redactedFields());
        assertTrue(kinds(repRead).contains(FindingKind.REDACT));
        assertEquals(Set.of("commercialObjective"), engine.decide(us, on(MSL, Action.READ, plan, MSL, Map.of()))
                .redactedFields());
        assertEquals(Set.of(), engine.decide(us, on(COMPLIANCE, Action.READ, plan, MSL, Map.of())).redactedFields());

        Map<String, Object> changed = Map.of("accountId", "a", "medicalObjective", "other", "commercialObjective", "c",
                "mslCallFrequency", 2);
        Decision write = engine.decide(us, on(REP, Action.UPDATE, plan, MSL, changed));
        assertEquals("firewall.AccountPlan.medicalObjective", write.refusal().ruleId());
        Map<String, Object> unchanged = Map.of("accountId", "a", "medicalObjective", "m", "commercialObjective", "new",
                "mslCallFrequency", 2);
        assertFalse(engine.decide(us, on(REP, Action.UPDATE, plan, MSL, unchanged)).blocked());
    }

    @Test
    void a3ARuleBlocksAndEscalatesBeforeTheFirewall() {
        CrmRecord plan = record(ACCOUNT_PLAN, REP, Map.of("accountId", "a"));
        Decision d = engine.decide(us, on(REP, Action.UPDATE, plan, REP, Map.of("accountId", "a", "mslCallFrequency", 6)));
        assertEquals("us.a3.commercial-sets-msl-call-frequency", d.refusal().ruleId());
        assertEquals(Set.of(FindingKind.ESCALATE), kinds(d));

        Decision task = engine.decide(us, create(REP, TASK, Map.of("subject", "visit", "assignee", "msl.us"),
                new RelatedPrincipal("assignee", MSL)));
        assertEquals("us.a3.commercial-assigns-msl-task", task.refusal().ruleId());
        assertFalse(engine.decide(us, create(REP, TASK, Map.of("subject", "visit", "assignee", "rep2.us"),
                new RelatedPrincipal("assignee", REP))).blocked());
    }

    @Test
    void f1StructuralViolationsAreFlagged() {
        Decision d = engine.decide(us, create(MSL_UNDER_SALES, TASK, Map.of("subject", "read")));
        assertFalse(d.blocked());
        assertTrue(kinds(d).contains(FindingKind.FLAG));
        assertFalse(kinds(engine.decide(us, create(MSL, TASK, Map.of("subject", "read")))).contains(FindingKind.FLAG));
    }

    @Test
    void o1AgendaTermsAreMatchedDespiteEvasion() {
        Decision d = engine.decide(us, create(REP, MEETING, Map.of("agenda", List.of("Q3 P-R-E-S-C-R-I-B-I-N-G targets")),
                new RelatedPrincipal("attendees", MSL)));
        assertEquals("us.o1.msl-at-promotional-meeting", d.refusal().ruleId());
        assertEquals(List.of("P-R-E-S-C-R-I-B-I-N-G targets"), d.refusal().offending());
        assertFalse(engine.decide(us, create(REP, MEETING, Map.of("agenda", List.of("Q3 prescribing targets")),
                new RelatedPrincipal("attendees", REP))).blocked(), "no MSL attends");
    }

    @Test
    void aBlockAnywhereWinsOverFlagsAndDoorsLetOnlyTheirFieldsCross() throws Exception {
        CompiledPolicy p = PolicyCompiler.compile("t.json", """
                {"id": "t", "version": "1", "region": "US",
                 "firewall": {"recordTypes": {"KolProfile": {"classification": "MEDICAL_ONLY", "requirement": "K3"}}},
                 "doors": [{"id": "door.kol", "requirement": "K1", "citation": "c", "message": "KOL intelligence",
                   "recordType": "KolProfile", "direction": "MEDICAL_TO_COMMERCIAL", "actions": ["READ"],
                   "fields": ["name", "dataGaps"]}],
                 "rules": [
                   {"id": "flag", "requirement": "X6", "citation": "c", "message": "m", "effect": "FLAG",
                    "when": {"recordTypes": ["Task"]}},
                   {"id": "block", "requirement": "A3", "citation": "c", "message": "m", "effect": "BLOCK",
                    "when": {"recordTypes": ["Task"], "fields": [{"field": "subject", "equals": "no"}]}}]}""", "t");
        Decision blocked = engine.decide(p, create(REP, TASK, Map.of("subject", "no")));
        assertEquals("block", blocked.refusal().ruleId());
        assertTrue(engine.decide(p, create(REP, TASK, Map.of("subject", "yes"))).findings().stream()
                .anyMatch(f -> f.ruleId().equals("flag")));

        CrmRecord kol = record(KOL, MSL, Map.of("name", "Dr. A", "dataGaps", List.of("elderly"), "visitNotes", "x"));
        Decision crossing = engine.decide(p, on(REP, Action.READ, kol, MSL, Map.of()));
        assertFalse(crossing.blocked());
        assertEquals(Set.of("visitNotes"), crossing.redactedFields());
        assertTrue(crossing.findings().stream().anyMatch(f -> f.kind() == FindingKind.CROSSING && f.ruleId().equals("door.kol")));
        assertTrue(engine.decide(p, on(REP, Action.UPDATE, kol, MSL, Map.of("name", "B"))).blocked(),
                "the door opens for reading only");
    }
}
