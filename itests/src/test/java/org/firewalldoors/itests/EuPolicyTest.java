package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.compliance.PolicyInfo;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The EU policy bundle (X3): the demo users of region EU run under it, beside the US policy, with the differences
 * a European compliance officer expects; and a region's policy is switched through its configuration without a
 * restart.
 */
class EuPolicyTest {

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    org.firewalldoors.api.handoff.ScientificInquiries inquiries;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ConfigurationAdmin configurations;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private ServiceRegistration<RecordTypeProvider> types;

    @BeforeEach
    void setUp() {
        assertEquals("eu", decisionPoint.activePolicy("EU").orElseThrow().id());
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        // The hand-off and KOL record types come with their modules; where those are absent, declare them as the
        // API describes them, so that the EU rules on them can be exercised here.
        List<RecordTypeDescriptor> missing = new ArrayList<>();
        if (records.recordType("ScientificInquiry").isEmpty()) {
            missing.add(new RecordTypeDescriptor("ScientificInquiry", Map.of("question",
                    FieldSpec.shared(FieldType.STRING)), true, true, Classification.SHARED));
        }
        if (records.recordType("KolProfile").isEmpty()) {
            missing.add(new RecordTypeDescriptor("KolProfile", Map.of("name", FieldSpec.shared(FieldType.STRING),
                    "profilingObjection", FieldSpec.shared(FieldType.BOOLEAN)), true, true, Classification.SHARED));
        }
        if (!missing.isEmpty()) {
            types = context.registerService(RecordTypeProvider.class, () -> missing, new Hashtable<>());
        }
    }

    @AfterEach
    void tearDown() {
        if (types != null) {
            types.unregister();
        }
    }

    private static Map<String, Object> incentive(String metric) {
        return Map.of("userId", "msl.eu", "metrics", List.of("KOL engagements", metric));
    }

    @Test
    void x3UsAndEuRunDifferentPoliciesAtOnce() {
        Caller usDirector = caller(users, "msldir.us");
        Caller euDirector = caller(users, "msldir.eu");
        records.create(usDirector, "IncentivePlan", Map.of("userId", "msl.us", "metrics", List.of("Marktanteil")));
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> records.create(euDirector, "IncentivePlan", incentive("Steigerung des Marktanteils")));
        assertEquals("eu.f2.msl-sales-metric-incentive", e.refusal().ruleId());
        assertEquals("eu", e.decision().policyId());
    }

    @Test
    void x3SwitchingTheEuRegionsPolicyTakesEffectWithoutRestart() throws Exception {
        Caller euDirector = caller(users, "msldir.eu");
        Configuration region = configurations.getFactoryConfiguration("org.firewalldoors.region", "eu-test", "?");
        try {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("code", "EU");
            props.put("modules", new String[] { "compliance", "handoff", "kol-export", "events" });
            props.put("policy", "us");
            region.update(props);
            Await.until("region EU runs policy us", () -> policy("EU").equals(Optional.of("us")));
            CrmRecord plan = records.create(euDirector, "IncentivePlan", incentive("Marktanteil"));
            assertEquals("EU", plan.region(), "the US rules read no German");
            assertEquals(Optional.of("us"), policy("US"), "US is untouched");

            props.put("policy", "eu");
            region.update(props);
            Await.until("region EU runs policy eu", () -> policy("EU").equals(Optional.of("eu")));
            assertThrows(OperationRefusedException.class, () -> records.create(euDirector, "IncentivePlan",
                    incentive("Marktanteil")));
        } finally {
            region.delete();
        }
        Await.until("region EU falls back to the policy written for it", () -> policy("EU").equals(Optional.of("eu")));
    }

    private Optional<String> policy(String region) {
        return decisionPoint.activePolicy(region).map(PolicyInfo::id);
    }

    @Test
    void h2AnEuInquiryWithPrescribingContextIsRefusedInGermanAndFrench() throws Exception {
        Caller rep = caller(users, "rep.eu");
        for (String question : List.of("Dr. Weber (Top-Dezil, hohes Verordnungsvolumen) fragt nach Nierendosierung.",
                "Le Dr Martin, gros prescripteur, demande les données de phase 3 ; part de marché en baisse.")) {
            OperationRefusedException e = assertThrows(OperationRefusedException.class,
                    () -> inquiries.submit(rep, inquiry(question)));
            assertEquals("eu.h2.inquiry-prescribing-context", e.refusal().ruleId(), question);
            assertEquals(RefusalKind.CONTENT, e.refusal().kind());
        }
        inquiries.submit(rep, inquiry("Welche Daten gibt es zur Dosierung bei Niereninsuffizienz?"));
    }

    private static Map<String, Object> inquiry(String question) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hcpId", "hcp-eu-" + UUID.randomUUID());
        m.put("hcpContact", Map.of("email", "dr@example.eu"));
        m.put("category", "OTHER_CLINICAL");
        m.put("question", question);
        m.put("product", "cardiozol");
        m.put("preferredContact", Map.of("channel", "EMAIL", "window", "mornings"));
        m.put("unsolicited", true);
        return m;
    }

    @Test
    void x3KolIntelligenceNeverCrossesForAnHcpWhoObjectedToProfiling() throws Exception {
        Caller msl = caller(users, "msl.eu");
        Caller rep = caller(users, "rep.eu");
        String marker = "Dr. " + UUID.randomUUID();
        CrmRecord objected = records.create(msl, "KolProfile", kol(marker, true));
        CrmRecord open = records.create(msl, "KolProfile", kol(marker, false));
        List<CrmRecord> seen = records.query(rep, "KolProfile", Map.of("name", marker));
        assertEquals(List.of(open.id()), seen.stream().map(CrmRecord::id).toList());
        assertFalse(seen.get(0).fields().containsKey("institution"), "GDPR data minimisation: " + seen.get(0).fields());
        assertTrue(records.read(rep, "KolProfile", objected.id()).isEmpty());
        assertTrue(records.export(rep, "KolProfile", Map.of("name", marker)).stream()
                .noneMatch(r -> r.id().equals(objected.id())));
        assertEquals(2, records.query(msl, "KolProfile", Map.of("name", marker)).size(), "Medical Affairs keeps both");
    }

    private static Map<String, Object> kol(String name, boolean objection) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hcpId", "hcp-" + UUID.randomUUID());
        m.put("name", name);
        m.put("specialty", "cardiology");
        m.put("institution", "Charité");
        m.put("scientificInterests", List.of("HFpEF"));
        m.put("dataGaps", List.of("elderly patients"));
        m.put("profilingObjection", objection);
        return m;
    }

    @Test
    void x8TheEuCodeIsStricterOnEventsThanTheUsOne() throws Exception {
        Caller msl = caller(users, "msl.eu");
        String hcp = "hcp-" + UUID.randomUUID();
        for (int month = 1; month <= 3; month++) {
            records.create(msl, "MedicalEducationEvent", event("SYMPOSIUM", "2027-0" + month + "-15", hcp));
        }
        OperationRefusedException fourth = assertThrows(OperationRefusedException.class, () -> records.create(msl,
                "MedicalEducationEvent", event("SYMPOSIUM", "2027-04-15", hcp)));
        assertEquals("eu.x8.attendance-limit.other-events", fourth.refusal().ruleId(), "blocked, where the US flags");

        Map<String, Object> concert = new LinkedHashMap<>(event("SYMPOSIUM", "2027-05-15", "hcp-" + UUID.randomUUID()));
        concert.put("expenses", List.of(Map.of("type", "Abendessen", "amount", 45), Map.of("type", "Konzert", "amount", 60)));
        assertEquals("eu.x8.entertainment-expense", assertThrows(OperationRefusedException.class,
                () -> records.create(msl, "MedicalEducationEvent", concert)).refusal().ruleId());

        HttpResponse<String> committee = new ApiClient(runtime, "/api/v1/records/*").send("POST", "/records/Meeting",
                "vpcomm.eu", "{\"title\": \"Interface committee\", \"kind\": \"INTERFACE_COMMITTEE\", \"chair\": \"vpcomm.eu\"}");
        assertEquals(403, committee.statusCode(), committee.body());
        assertTrue(committee.body().contains("\"rule\":\"eu.g1.committee-chair\""), committee.body());
    }

    private static Map<String, Object> event(String type, String startsAt, String hcp) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", "Herzinsuffizienz: Update");
        e.put("eventType", type);
        e.put("topic", "Herzinsuffizienz " + UUID.randomUUID());
        e.put("startsAt", startsAt);
        e.put("objective", "Die neue Leitlinie zur Diuretika-Dosierung besprechen");
        e.put("educationalNeed", "Umfrage: Unsicherheit bei der Dosierung nach der Leitlinie 2026");
        e.put("hcpAttendees", List.of(hcp));
        return e;
    }
}
