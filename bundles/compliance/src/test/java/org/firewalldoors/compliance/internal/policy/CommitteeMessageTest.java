package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.MEETING;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_DIR;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interface committee meeting with Medical Affairs among its members and a forbidden agenda item is told
 * the committee's rule (G5), not the general one on MSLs at promotional meetings (O1), in both policies; an
 * ordinary meeting with the same agenda still gets O1.
 */
class CommitteeMessageTest {

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void theCommitteeRuleIsTheOneTheChairIsTold(String region) throws Exception {
        CompiledPolicy policy = PolicyCompiler.compile(region + ".json", Files.readString(Path.of(
                "../policy-" + region + "/src/main/resources/policy/" + region + ".json")), "test");
        Map<String, Object> item = Map.of("category", "DATA_RELEASES", "title", "MSL call frequency objectives for Q3");
        Decision committee = engine.decide(policy, create(MSL_DIR, MEETING, Map.of("kind", "INTERFACE_COMMITTEE",
                "agenda", List.of(item)), new RelatedPrincipal("attendees", MSL), new RelatedPrincipal("attendees", REP)));
        assertEquals(region + ".g5.committee-forbidden-title", committee.refusal().ruleId());
        Decision meeting = engine.decide(policy, create(REP, MEETING, Map.of("agenda", List.of(item)),
                new RelatedPrincipal("attendees", MSL)));
        assertEquals(region + ".o1.msl-at-promotional-meeting", meeting.refusal().ruleId());
    }
}
