package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_DIR;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.firewalldoors.compliance.internal.policy.Ops.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped EU policy (X3): it compiles, and it differs from the US one where a European officer expects it. */
class EuPolicyTest {

    private static CompiledPolicy eu;
    private static CompiledPolicy us;
    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private static final RecordTypeDescriptor INCENTIVE = type("IncentivePlan", Map.of(
            "userId", FieldSpec.shared(FieldType.USER), "metrics", FieldSpec.shared(FieldType.LIST)));
    private static final RecordTypeDescriptor INQUIRY = type("ScientificInquiry", Map.of(
            "question", FieldSpec.shared(FieldType.STRING)));
    private static final RecordTypeDescriptor EVENT = type("MedicalEducationEvent", Map.of());
    private static final RecordTypeDescriptor KOL = type("KolProfile", Map.of());

    @BeforeAll
    static void compile() throws Exception {
        eu = PolicyCompiler.compile("policy/eu.json",
                Files.readString(Path.of("../policy-eu/src/main/resources/policy/eu.json")), "test");
        us = PolicyCompiler.compile("policy/us.json", PolicyCompilerTest.usPolicy(), "test");
    }

    @Test
    void theShippedEuPolicyCompilesForRegionEu() {
        assertEquals("eu", eu.id());
        assertEquals("EU", eu.region());
        assertTrue(eu.size() >= 30, "rules and doors: " + eu.size());
    }

    @Test
    void x3SalesMetricsAreRecognisedInGermanAndFrench() {
        for (String metric : List.of("Marktanteil im Gebiet", "part de marché régionale", "Verordnungsvolumen")) {
            Decision d = engine.decide(eu, create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us", "metrics", List.of(metric)),
                    new RelatedPrincipal("userId", MSL)));
            assertEquals("eu.f2.msl-sales-metric-incentive", d.refusal().ruleId(), metric);
            assertFalse(engine.decide(us, create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us", "metrics",
                    List.of(metric)), new RelatedPrincipal("userId", MSL))).blocked(), "the US list is English: " + metric);
        }
    }

    @Test
    void h2AnInquiryWithPrescribingContextIsRefusedInEveryLanguage() {
        for (String question : List.of("Wie hoch ist das Verordnungsvolumen? Er will umstellen.",
                "Quel est le volume de prescription du Dr X ?", "Top decile prescriber asks about renal dosing")) {
            Decision d = engine.decide(eu, create(REP, INQUIRY, Map.of("question", question)));
            assertEquals("eu.h2.inquiry-prescribing-context", d.refusal().ruleId(), question);
            assertEquals(RefusalKind.CONTENT, d.refusal().kind());
        }
        assertFalse(engine.decide(eu, create(REP, INQUIRY, Map.of("question",
                "Welche Daten gibt es zur Dosierung bei Niereninsuffizienz?"))).blocked());
    }

    @Test
    void x3TheKolDoorHonoursTheObjectionToProfiling() {
        CrmRecord objected = record(KOL, MSL, Map.of("name", "Dr. A", "profilingObjection", true));
        assertEquals("eu.k1.kol-intelligence.excluded",
                engine.decide(eu, on(REP, Action.EXPORT, objected, MSL, Map.of())).refusal().ruleId());
        CrmRecord open = record(KOL, MSL, Map.of("name", "Dr. B", "profilingObjection", false, "visitNotes", "v"));
        Decision d = engine.decide(eu, on(REP, Action.READ, open, MSL, Map.of()));
        assertFalse(d.blocked());
        assertTrue(d.redactedFields().contains("visitNotes"));
    }

    @Test
    void x8EntertainmentIsRefusedInTheEuOnly() {
        Map<String, Object> event = Map.of("title", "Heart failure update", "educationalNeed", "new guideline",
                "expenses", List.of(Map.of("type", "Konzert", "amount", 80)));
        assertEquals("eu.x8.entertainment-expense", engine.decide(eu, create(MSL, EVENT, event)).refusal().ruleId());
        assertFalse(engine.decide(us, create(MSL, EVENT, event)).blocked());
        assertEquals("eu.x8.alcohol-expense", engine.decide(eu, create(MSL, EVENT, Map.of("educationalNeed", "n",
                "expenses", List.of(Map.of("type", "Wein", "amount", 30))))).refusal().ruleId());
    }
}
