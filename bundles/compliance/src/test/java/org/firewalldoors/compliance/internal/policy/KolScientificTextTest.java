package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.KOL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Principal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * K4 in both shipped policies: prescribing data and sales metrics are refused in a KOL profile, and the
 * scientific record of a KOL, whose words overlap with commercial talk (switching therapy, drug targets,
 * conversion rates), is not.
 */
class KolScientificTextTest {

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private static CompiledPolicy policy(String region) throws Exception {
        String file = region.equals("us") ? "../policy-us/src/main/resources/policy/us.json"
                : "../policy-eu/src/main/resources/policy/eu.json";
        return PolicyCompiler.compile(region + ".json", Files.readString(Path.of(file)), "test");
    }

    private static Principal msl(String region) {
        return region.equals("us") ? MSL
                : new Principal("msl.eu", BusinessFunction.MEDICAL, "MSL", "EU", "msldir.eu");
    }

    private Decision profile(String region, String publication) throws Exception {
        return engine.decide(policy(region), create(msl(region), KOL, Map.of("name", "Dr. Heart",
                "dataGaps", List.of(publication))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void theScientificRecordOfAKolIsAccepted(String region) throws Exception {
        for (String text : List.of(
                "Switching from warfarin to apixaban in atrial fibrillation: registry outcomes",
                "Novel targets in HFpEF: a translational review",
                "Conversion to sinus rhythm after ablation",
                "Treat-to-target LDL-C strategies in familial hypercholesterolaemia",
                "Territory-wide screening for hepatitis C in primary care",
                "Steering committee, SWITCH-AF trial")) {
            Decision d = profile(region, text);
            assertFalse(d.blocked(), region + ": " + text + " -> " + (d.blocked() ? d.refusal() : ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void prescribingDataAndSalesMetricsAreRefusedEvenInLeetspeak(String region) throws Exception {
        for (String text : List.of("Top-decile prescriber", "400 TRx a month", "t0p d3c1le prescr1ber",
                "high prescriber of statins", "market share in the region")) {
            Decision d = profile(region, text);
            assertTrue(d.blocked(), region + ": " + text);
            assertEquals("K4", d.refusal().requirement(), region + ": " + text);
            assertTrue(d.refusal().ruleId().startsWith(region + ".k4."), d.refusal().ruleId());
        }
    }
}
