package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.ACCOUNT_PLAN;
import static org.firewalldoors.compliance.internal.policy.Ops.MEETING;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_DIR;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.SALESDIR;
import static org.firewalldoors.compliance.internal.policy.Ops.TASK;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.firewalldoors.compliance.internal.policy.Ops.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every field a user writes is read by the rules that guard its record type, in both shipped policies: the
 * fields of a hand-off besides the question (H2), an event's content (E4), an incentive plan's fields besides
 * its metrics (F2), a meeting's title (O1, G5), the names of fields and object keys, and phrases split across
 * the items of a list; and Commercial cannot direct MSL activity whatever the field is called (A3, K2).
 */
class FieldCoverageTest {

    private static final RecordTypeDescriptor INQUIRY = type("ScientificInquiry", Map.of(
            "hcpId", FieldSpec.shared(FieldType.STRING), "hcpContact", FieldSpec.shared(FieldType.OBJECT),
            "category", FieldSpec.shared(FieldType.STRING), "question", FieldSpec.shared(FieldType.STRING)));
    private static final RecordTypeDescriptor EVENT = type("MedicalEducationEvent", Map.of(
            "content", FieldSpec.shared(FieldType.ANY)));
    private static final RecordTypeDescriptor INCENTIVE = type("IncentivePlan", Map.of(
            "userId", FieldSpec.shared(FieldType.USER), "metrics", FieldSpec.shared(FieldType.LIST)));
    private static final String SMUGGLED = "top decile prescriber; 40 TRx/month";

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private static CompiledPolicy policy(String region) throws Exception {
        return PolicyCompiler.compile(region + ".json", Files.readString(Path.of(
                "../policy-" + region + "/src/main/resources/policy/" + region + ".json")), "test");
    }

    private static Map<String, Object> inquiry(String hcpId, Map<String, Object> contact, String question) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hcpId", hcpId);
        m.put("hcpContact", contact);
        m.put("category", "OFF_LABEL_USE");
        m.put("question", question);
        m.put("unsolicited", true);
        m.put("status", "SUBMITTED");
        m.put("submittedBy", "rep.us");
        return m;
    }

    private static void assertRefused(Decision d, String rulePrefix, String quoted) {
        assertTrue(d.blocked(), "not refused");
        assertTrue(d.refusal().ruleId().startsWith(rulePrefix), d.refusal().ruleId());
        assertTrue(d.refusal().offending().contains(quoted), d.refusal().offending() + " should quote " + quoted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void h2TheHcpIdAndContactOfAHandOffAreScannedToo(String region) throws Exception {
        CompiledPolicy p = policy(region);
        String question = "Is there data on renal dosing in stage 4 CKD?";
        Decision inId = engine.decide(p, create(REP, INQUIRY, inquiry("Dr Lee, " + SMUGGLED,
                Map.of("email", "dr.lee@clinic.org"), question)));
        assertRefused(inId, region + ".h2.", "top decile");
        assertTrue(inId.refusal().offending().contains("TRx"), inId.refusal().offending().toString());
        Decision inContact = engine.decide(p, create(REP, INQUIRY, inquiry("hcp-1001",
                Map.of("email", "dr.lee@clinic.org", "phone", SMUGGLED), question)));
        assertRefused(inContact, region + ".h2.", "top decile");
        Decision inKey = engine.decide(p, create(REP, INQUIRY, inquiry("hcp-1001",
                Map.of("email", "dr.lee@clinic.org", "trxPerMonth", "40"), question)));
        assertRefused(inKey, region + ".h2.", "trx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void h2OrdinaryHandOffsAreNotRefused(String region) throws Exception {
        CompiledPolicy p = policy(region);
        List<Map<String, Object>> contacts = List.of(Map.of("email", "dr.lee@clinic.org"),
                Map.of("phone", "+1 415 555 0100"), Map.of("phone", "+49 30 4854 7221", "email", "a.weber@charite.de"),
                Map.of("phone", "(212) 541-3500"), Map.of("email", "j.martin+ms@hopital-saint-louis.fr"));
        for (Map<String, Object> contact : contacts) {
            for (String hcpId : List.of("hcp-1001", "NPI 1234567890", "Dr. Ana Lee, cardiology, St. Mary's")) {
                Decision d = engine.decide(p, create(REP, INQUIRY, inquiry(hcpId, contact,
                        "What were the phase 3 results at 52 weeks in patients with eGFR 30-59?")));
                assertFalse(d.blocked(), hcpId + " " + contact + " -> " + (d.blocked() ? d.refusal() : ""));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void e4AnEventsContentIsScannedLikeItsObjective(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Map<String, Object> event = new LinkedHashMap<>(Map.of("title", "Heart failure update",
                "educationalNeed", "Needs assessment: 6 in 10 cardiologists unsure of the 2026 dosing algorithm",
                "objective", "Attendees can apply the guideline algorithm"));
        event.put("content", List.of("Guideline review", "Goal: increase prescribing of our product"));
        assertRefused(engine.decide(p, create(MSL, EVENT, event)), region + ".e4.", "increase prescribing");
        event.put("content", List.of("Guideline review", "Two case discussions"));
        assertFalse(engine.decide(p, create(MSL, EVENT, event)).blocked(), "an ordinary programme");
        event.put("content", Map.of("session1", "Guideline review", "takeaway", "Switch your patients"));
        assertRefused(engine.decide(p, create(MSL, EVENT, event)), region + ".e4.", "Switch your patients");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void f2EveryFieldOfAnMslsIncentivePlanIsScanned(String region) throws Exception {
        CompiledPolicy p = policy(region);
        RelatedPrincipal forMsl = new RelatedPrincipal("userId", MSL);
        Decision otherField = engine.decide(p, create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us",
                "metrics", List.of("KOL engagements"), "bonusBasis", "TRx growth in the region"), forMsl));
        assertRefused(otherField, region + ".f2.", "TRx");
        assertFalse(engine.decide(p, create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us", "metrics",
                List.of("KOL engagements", "publications supported"), "period", "2027-Q1"), forMsl)).blocked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void theKeysOfAnObjectAreReadAsWords(String region) throws Exception {
        Decision key = engine.decide(policy(region), create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us",
                "metrics", List.of(Map.of("marketShare", 0.3))), new RelatedPrincipal("userId", MSL)));
        assertRefused(key, region + ".f2.", "marketShare");
        Decision snake = engine.decide(policy(region), create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us",
                "metrics", List.of(Map.of("territory_sales", "+4%"))), new RelatedPrincipal("userId", MSL)));
        assertRefused(snake, region + ".f2.", "territory_sales");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void aPhraseSplitAcrossTheItemsOfAListIsFound(String region) throws Exception {
        Decision split = engine.decide(policy(region), create(MSL_DIR, INCENTIVE, Map.of("userId", "msl.us",
                "metrics", List.of("KOL engagements", "market", "share")), new RelatedPrincipal("userId", MSL)));
        assertRefused(split, region + ".f2.", "market share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void o1AndG5AMeetingsTitleIsScannedLikeItsAgenda(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Decision withMsl = engine.decide(p, create(REP, MEETING, Map.of("title", "Q3 promotional strategy",
                "agenda", List.of()), new RelatedPrincipal("attendees", MSL)));
        assertRefused(withMsl, region + ".o1.", "promotional strategy");
        Decision committee = engine.decide(p, create(MSL_DIR, MEETING, Map.of("kind", "INTERFACE_COMMITTEE",
                "title", "Rep performance by territory", "agenda", List.of())));
        assertRefused(committee, region + ".g5.", "Rep performance");
        Decision ordinary = engine.decide(p, create(REP, MEETING, Map.of("title",
                "Cardiology team: new heart failure guideline and congress plans", "agenda", List.of()),
                new RelatedPrincipal("attendees", MSL)));
        assertFalse(ordinary.blocked(), () -> String.valueOf(ordinary.refusal()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void a3CommercialCannotDirectMslActivityWhateverTheFieldIsCalled(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("mslCallPlan", "weekly");
        names.put("msl_call_frequency", 4);
        names.put("MSLVisitTargets", List.of("hcp-1001"));
        names.put("msl-visit-priority", "HIGH");
        names.put("notes", Map.of("mslVisitRequests", List.of("hcp-1002")));
        for (Map.Entry<String, Object> field : names.entrySet()) {
            Decision d = engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("accountId", "acc-1",
                    "commercialObjective", "Formulary review", field.getKey(), field.getValue())));
            String offending = field.getKey().equals("notes") ? "mslVisitRequests" : field.getKey();
            assertRefused(d, region + ".a3.", offending);
            assertTrue(d.findings().stream().anyMatch(f -> f.kind() == FindingKind.ESCALATE), "escalated: " + d);
        }
        Decision inText = engine.decide(p, create(SALESDIR, TASK, Map.of("subject",
                "MSL call plan for Q3: Dr Lee first, then Dr Park")));
        assertRefused(inText, region + ".a3.", "MSL call plan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void a3OrdinaryCommercialFieldsAreNotRefused(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Principal rep = region.equals("us") ? REP
                : new Principal("rep.eu", BusinessFunction.COMMERCIAL, "REP", "EU", "salesdir.eu");
        Map<String, Object> plan = Map.of("accountId", "acc-1", "tier", Map.of("clinical", 1, "commercial", 2),
                "commercialObjective", "Discuss formulary access and the co-pay programme", "callPlan", "monthly");
        assertFalse(engine.decide(p, create(rep, ACCOUNT_PLAN, plan)).blocked(), "the rep's own fields");
        CrmRecord stored = record(ACCOUNT_PLAN, MSL, Map.of("accountId", "acc-1", "mslCallFrequency", "monthly",
                "mslTargetList", List.of("hcp-1"), "medicalObjective", "Prioritize the renal data gaps"));
        Map<String, Object> after = new LinkedHashMap<>(stored.fields());
        after.put("commercialObjective", "Formulary review in Q3");
        Decision update = engine.decide(p, on(rep, Action.UPDATE, stored, MSL, after));
        assertFalse(update.blocked(), () -> "a rep's change of their own field is not read as the MSL's fields: "
                + update.refusal());
        after.put("commercialObjective", "MSL call plan: weekly for Dr Lee");
        assertRefused(engine.decide(p, on(rep, Action.UPDATE, stored, MSL, after)), region + ".a3.", "MSL call plan");
        if (region.equals("us")) {
            after.put("commercialObjective", "Please visit Dr Lee before the tender");
            assertRefused(engine.decide(p, on(rep, Action.UPDATE, stored, MSL, after)),
                    "us.k2.commercial-directs-msl-visits-in-medical-record", "Please visit");
        }
    }
}
