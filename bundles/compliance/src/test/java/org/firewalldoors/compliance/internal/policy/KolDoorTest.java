package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.COMPLIANCE;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
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
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Door 3 (K1 to K4): the door attributes excludeWhen and redactTerms, and the US policy's KOL rules. */
class KolDoorTest {

    private static final List<String> DOOR_FIELDS = List.of("hcpId", "name", "specialty", "institution", "region",
            "scientificInterests", "dataGaps", "publications", "trialRoles", "guidelineRoles", "societyRoles", "peers",
            "tier", "tierReasons");

    /** The KolProfile type as the kol bundle declares it: every field Medical Affairs'. */
    static final RecordTypeDescriptor KOL_PROFILE;
    static {
        Map<String, FieldSpec> fields = new java.util.HashMap<>();
        for (String f : DOOR_FIELDS) {
            fields.put(f, new FieldSpec(FieldType.ANY, Classification.MEDICAL_ONLY, false));
        }
        for (String f : List.of("profilingObjection", "mslNotes", "lastVisit", "visitCount", "visitFrequency")) {
            fields.put(f, new FieldSpec(FieldType.ANY, Classification.MEDICAL_ONLY, false));
        }
        KOL_PROFILE = new RecordTypeDescriptor("KolProfile", fields, true, false, Classification.MEDICAL_ONLY);
    }

    private CompiledPolicy us;
    private PolicyEngine engine;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        us = PolicyCompiler.compile("policy/us.json", PolicyCompilerTest.usPolicy(), "test");
        Function<String, Optional<Principal>> users = mock(Function.class);
        when(users.apply(anyString())).thenReturn(Optional.empty());
        engine = new PolicyEngine(users);
    }

    private static Operation read(Principal actor, Action action, Map<String, Object> fields) {
        CrmRecord r = record(KOL_PROFILE, MSL, fields);
        return new Operation(Caller.java(actor), action, KOL_PROFILE, r.id(), r, Map.of(),
                List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, MSL)), r.region());
    }

    private static Map<String, Object> profile() {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("hcpId", "hcp-1");
        p.put("name", "Dr. Ada Heart");
        p.put("scientificInterests", List.of("HFpEF phenotyping"));
        p.put("dataGaps", List.of("outcomes in patients over 80"));
        p.put("peers", List.of(Map.of("hcpId", "hcp-2", "relation", "co-author")));
        p.put("tier", 2L);
        p.put("mslNotes", "Discussed the registry design.");
        p.put("lastVisit", "2026-10-02");
        p.put("visitCount", 7L);
        p.put("visitFrequency", "monthly");
        p.put("profilingObjection", false);
        return p;
    }

    @Test
    void k1CommercialReadsOnlyTheDoorFieldsAndTheCrossingIsRecorded() {
        for (Action a : List.of(Action.READ, Action.QUERY, Action.EXPORT)) {
            Decision d = engine.decide(us, read(REP, a, profile()));
            assertFalse(d.blocked(), a.name());
            assertTrue(d.redactedFields().containsAll(Set.of("mslNotes", "lastVisit", "visitCount", "visitFrequency",
                    "profilingObjection")), d.redactedFields().toString());
            assertTrue(d.redactedFields().stream().noneMatch(DOOR_FIELDS::contains), d.redactedFields().toString());
            assertTrue(d.findings().stream().anyMatch(f -> f.kind() == FindingKind.CROSSING
                    && f.ruleId().equals("us.k1.kol-intelligence") && "K1".equals(f.requirement())));
        }
        assertEquals(Set.of(), engine.decide(us, read(MSL, Action.READ, profile())).redactedFields());
        assertEquals(Set.of(), engine.decide(us, read(COMPLIANCE, Action.READ, profile())).redactedFields());
    }

    @Test
    void k3VisitPatternsInExportableTextAreWithheldFromCommercial() {
        Map<String, Object> p = profile();
        p.put("scientificInterests", List.of("HFpEF phenotyping", "Visited her 3 times a month since May"));
        p.put("dataGaps", List.of("The M-E-T with him every week pattern")); // evasion is folded too
        Decision d = engine.decide(us, read(REP, Action.EXPORT, p));
        assertTrue(d.redactedFields().containsAll(Set.of("scientificInterests", "dataGaps")), d.redactedFields().toString());
        assertFalse(d.redactedFields().contains("peers"));
        assertTrue(d.findings().stream().anyMatch(f -> f.kind() == FindingKind.REDACT && "K3".equals(f.requirement())));
        assertFalse(engine.decide(us, read(MSL, Action.READ, p)).redactedFields().contains("scientificInterests"),
                "Medical Affairs keeps its own text");
    }

    @Test
    void k2CommercialCannotWriteKolProfiles() {
        Decision d = engine.decide(us, create(REP, KOL_PROFILE, profile()));
        assertEquals(RefusalKind.DENIED, d.refusal().kind());
        assertEquals("us.k2.commercial-writes-kol-profile", d.refusal().ruleId());
        CrmRecord stored = record(KOL_PROFILE, MSL, profile());
        for (Action a : List.of(Action.UPDATE, Action.DELETE)) {
            Decision w = engine.decide(us, new Operation(Caller.java(REP), a, KOL_PROFILE, stored.id(), stored,
                    a == Action.UPDATE ? Map.of("name", "Dr. B") : Map.of(),
                    List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, MSL)), "US"));
            assertEquals("us.k2.commercial-writes-kol-profile", w.refusal().ruleId(), a.name());
        }
        assertFalse(engine.decide(us, create(MSL, KOL_PROFILE, profile())).blocked());
    }

    @Test
    void k2CommercialCannotPushTargetListsOrVisitRequestsToMedical() {
        Decision meeting = engine.decide(us, create(REP, Ops.MEETING,
                Map.of("agenda", List.of("Target list: please visit Dr. Heart and Dr. Lung")),
                new RelatedPrincipal("attendees", MSL)));
        assertEquals("us.k2.commercial-directs-msl-visits", meeting.refusal().ruleId());
        assertEquals(RefusalKind.DENIED, meeting.refusal().kind());
        assertTrue(meeting.findings().stream().anyMatch(f -> f.kind() == FindingKind.ESCALATE));
        CrmRecord repMeeting = record(Ops.MEETING, REP, Map.of("agenda", List.of("Our top prescribers")));
        Decision share = engine.decide(us, new Operation(Caller.java(REP), Action.SHARE, Ops.MEETING, repMeeting.id(),
                repMeeting, Map.of(), List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, REP),
                        new RelatedPrincipal(RelatedPrincipal.RECIPIENT, MSL)), "US"));
        assertEquals("us.k2.commercial-directs-msl-visits", share.refusal().ruleId());
        assertFalse(engine.decide(us, create(REP, Ops.MEETING, Map.of("agenda", List.of("Target list for Q3")),
                new RelatedPrincipal("attendees", REP))).blocked(), "among Commercial, a target list is fine");
        assertFalse(engine.decide(us, create(MSL, Ops.MEETING, Map.of("agenda", List.of("Prioritize the registry")),
                new RelatedPrincipal("attendees", MSL))).blocked(), "Medical Affairs sets its own priorities");
    }

    @Test
    void k4PrescribingDataIsRefusedAsAnInputInEveryText() {
        Map<String, Object> p = profile();
        p.put("publications", List.of("NEJM 2024", "top D.E.C.I.L.E prescriber"));
        Decision d = engine.decide(us, create(MSL, KOL_PROFILE, p));
        assertEquals("us.k4.prescribing-context-in-kol-profile", d.refusal().ruleId());
        assertEquals(RefusalKind.CONTENT, d.refusal().kind());
        assertTrue(d.refusal().offending().contains("top D.E.C.I.L.E"), d.refusal().offending().toString());
        Map<String, Object> q = profile();
        q.put("mslNotes", "Strong market share in her hospital");
        assertEquals("K4", engine.decide(us, create(MSL, KOL_PROFILE, q)).refusal().requirement());
        Map<String, Object> r = profile();
        r.put("name", "Dr. Total Prescriptions");
        assertEquals("us.k4.sales-metrics-in-kol-profile", engine.decide(us, create(MSL, KOL_PROFILE, r)).refusal().ruleId());
    }

    @Test
    void x3ADoorExcludesRecordsAndWithholdsTextAsItsPolicySays() throws Exception {
        CompiledPolicy eu = PolicyCompiler.compile("eu.json", """
                {"id": "eu", "version": "1", "region": "EU", "termLists": {"visits": ["visited"]},
                 "firewall": {"recordTypes": {"KolProfile": {"classification": "MEDICAL_ONLY", "requirement": "K3"}}},
                 "doors": [{"id": "eu.door", "requirement": "K1", "citation": "c", "message": "m", "recordType": "KolProfile",
                   "direction": "MEDICAL_TO_COMMERCIAL", "actions": ["READ", "EXPORT"], "fields": ["name", "dataGaps"],
                   "excludeWhen": [{"field": "profilingObjection", "equals": true}], "redactTerms": ["visits"]}]}""",
                "test");
        Map<String, Object> objecting = profile();
        objecting.put("profilingObjection", true);
        Decision excluded = engine.decide(eu, read(REP, Action.EXPORT, objecting));
        assertEquals(RefusalKind.CONCEALED, excluded.refusal().kind());
        assertEquals("eu.door.excluded", excluded.refusal().ruleId());
        assertFalse(engine.decide(eu, read(MSL, Action.EXPORT, objecting)).blocked(), "Medical Affairs keeps it");

        Map<String, Object> visited = profile();
        visited.put("dataGaps", List.of("visited twice"));
        Decision withheld = engine.decide(eu, read(REP, Action.READ, visited));
        assertFalse(withheld.blocked());
        assertTrue(withheld.redactedFields().contains("dataGaps"));
        assertFalse(withheld.redactedFields().contains("name"));
        assertFalse(engine.decide(eu, read(REP, Action.READ, profile())).redactedFields().contains("dataGaps"));
    }
}
