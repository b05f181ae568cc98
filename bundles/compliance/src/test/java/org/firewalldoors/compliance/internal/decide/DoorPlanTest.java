package org.firewalldoors.compliance.internal.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.firewalldoors.api.compliance.DoorPlan;
import org.firewalldoors.api.compliance.DoorPlans;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The door plan of a KOL export (P5) decides every profile exactly as a full decision of the same export does,
 * under both shipped policies: fields that cross, HCPs excluded for their objection to profiling (EU, X3), fields
 * withheld for their text (US, K3), owners of either side, and a policy that goes away or is replaced mid-export.
 */
class DoorPlanTest {

    private static final List<String> FIELDS = List.of("hcpId", "name", "specialty", "institution",
            "scientificInterests", "dataGaps", "publications", "trialRoles", "guidelineRoles", "societyRoles", "peers",
            "profilingObjection", "mslNotes", "lastVisit", "visitCount", "visitFrequency", "tier", "tierReasons");
    private static final RecordTypeDescriptor KOL_PROFILE;
    static {
        Map<String, FieldSpec> fields = new HashMap<>();
        FIELDS.forEach(f -> fields.put(f, new FieldSpec(FieldType.ANY, Classification.MEDICAL_ONLY, false)));
        KOL_PROFILE = new RecordTypeDescriptor("KolProfile", fields, true, false, Classification.MEDICAL_ONLY);
    }
    /** Texts of every kind: scientific, visit patterns (US redactTerms), prescribing and sales words, leetspeak. */
    private static final List<String> TEXTS = List.of("HFpEF outcomes", "immuno-oncology", "visited monthly",
            "visit frequency: every 2 weeks", "we visit every Tuesday", "v1s1ted twice", "prescribing decile 9",
            "sales volume", "KRAS G12C trial design", "Guideline panel, ESC 2024", "", "  ", "Visits per quarter: 4",
            "market share", "ldl c target", "adverse event reported");

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void thePlanDecidesEveryProfileAsTheFullDecision(String id) throws Exception {
        String region = id.toUpperCase();
        CompiledPolicy policy = PolicyCompiler.compile(id + ".json", Files.readString(
                Path.of("../policy-" + id + "/src/main/resources/policy/" + id + ".json")), "test");
        PolicyRegistry registry = mock(PolicyRegistry.class);
        when(registry.policy(anyString())).thenReturn(Optional.empty());
        when(registry.policyForRegion(anyString())).thenReturn(Optional.empty());
        when(registry.policyForRegion(region)).thenReturn(Optional.of(policy));
        UserDirectory users = mock(UserDirectory.class);
        when(users.find(anyString())).thenReturn(Optional.empty());
        ComplianceDecisionPoint point = new ComplianceDecisionPoint(users);
        point.registry = registry;

        Caller viewer = Caller.java(new Principal("viewer", BusinessFunction.COMMERCIAL, "DOOR", region, null));
        List<Principal> owners = List.of(new Principal("msl", BusinessFunction.MEDICAL, "MSL", region, null),
                new Principal("rep", BusinessFunction.COMMERCIAL, "REP", region, null),
                new Principal("co", BusinessFunction.COMPLIANCE, "OFFICER", region, null));
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        CrmRecord probe = new CrmRecord("KolProfile", "probe", Map.of(), "msl", region, 1, now, now);
        Operation template = new Operation(viewer, Action.EXPORT, KOL_PROFILE, probe.id(), probe, Map.of(),
                List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, owners.get(0))), region);
        DoorPlan plan = point.plan(template);

        Random random = new Random(42);
        int crossed = 0;
        int excluded = 0;
        int withheldForText = 0;
        for (int i = 0; i < 400; i++) {
            CrmRecord r = new CrmRecord("KolProfile", "p" + i, profile(random, region), "msl", region, 1, now, now);
            Principal owner = owners.get(i % 7 == 0 ? 1 + i % 2 : 0);
            Decision full = point.decide(DoorPlans.operation(template, r, owner));
            assertEquals(full, plan.decide(r, owner), "profile " + i + " " + r.fields());
            if (full.blocked()) {
                excluded += full.refusal().ruleId().endsWith(".excluded") ? 1 : 0;
            } else {
                crossed++;
                withheldForText += full.findings().stream().anyMatch(f -> f.message().contains("their text")) ? 1 : 0;
            }
        }
        // The profiles are varied enough to test something: some cross, and the door's own checks bite.
        assertTrue(crossed > 100, "crossed " + crossed);
        assertTrue(id.equals("eu") ? excluded > 20 : withheldForText > 20,
                "excluded " + excluded + ", withheld for their text " + withheldForText);

        // The policy is replaced mid-export: the plan decides under the new one, as a full decision does.
        CompiledPolicy replaced = PolicyCompiler.compile(id + ".json", Files.readString(
                Path.of("../policy-" + id + "/src/main/resources/policy/" + id + ".json")), "test");
        when(registry.policyForRegion(region)).thenReturn(Optional.of(replaced));
        CrmRecord r = new CrmRecord("KolProfile", "late", profile(random, region), "msl", region, 1, now, now);
        assertEquals(point.decide(DoorPlans.operation(template, r, owners.get(0))), plan.decide(r, owners.get(0)));

        // The policy goes away mid-export: the plan fails closed (X5), as a full decision does.
        when(registry.policyForRegion(region)).thenReturn(Optional.empty());
        Decision gone = plan.decide(r, owners.get(0));
        assertEquals(point.decide(DoorPlans.operation(template, r, owners.get(0))), gone);
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, gone.refusal().kind());
    }

    private static Map<String, Object> profile(Random random, String region) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String name : FIELDS) {
            if (random.nextInt(6) == 0) {
                continue; // absent
            }
            switch (name) {
                case "profilingObjection" -> f.put(name, random.nextInt(3) == 0);
                case "visitCount", "tier" -> f.put(name, (double) random.nextInt(5));
                case "peers" -> f.put(name, List.of(Map.of("hcpId", "hcp-" + random.nextInt(9),
                        "relation", text(random))));
                case "scientificInterests", "dataGaps", "publications", "trialRoles", "guidelineRoles",
                        "societyRoles", "tierReasons" -> {
                    List<String> items = new ArrayList<>();
                    for (int k = random.nextInt(3); k >= 0; k--) {
                        items.add(text(random));
                    }
                    f.put(name, items);
                }
                default -> f.put(name, text(random));
            }
        }
        f.put("region", region);
        return f;
    }

    private static String text(Random random) {
        // Mostly scientific text, so that most profiles cross whole and the others stand out.
        return random.nextInt(4) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : TEXTS.get(random.nextInt(2) * 8);
    }
}
