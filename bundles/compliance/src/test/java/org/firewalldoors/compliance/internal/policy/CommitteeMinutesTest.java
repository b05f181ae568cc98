package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.MEETING;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * G6 in both shipped policies: the minutes of an interface committee meeting are approved by the compliance
 * officer, in their own request, for a meeting they had already been recorded as attending. Nobody can
 * attest their attendance and approve in one go, nor approve for them.
 */
class CommitteeMinutesTest {

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private record Members(Principal head, Principal vp, Principal officer, Principal otherOfficer, Principal legal) {
        static Members of(String region) {
            String r = region.toUpperCase();
            return new Members(new Principal("medhead." + region, BusinessFunction.MEDICAL, "MEDICAL_HEAD", r, null),
                    new Principal("vpcomm." + region, BusinessFunction.COMMERCIAL, "VP_COMMERCIAL", r, null),
                    new Principal("compliance." + region, BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER", r, null),
                    new Principal("compliance2." + region, BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER", r, null),
                    new Principal("legal." + region, BusinessFunction.LEGAL, "COUNSEL", r, null));
        }
    }

    private static CompiledPolicy policy(String region) throws Exception {
        return PolicyCompiler.compile(region + ".json", Files.readString(Path.of(
                "../policy-" + region + "/src/main/resources/policy/" + region + ".json")), "test");
    }

    private static Map<String, Object> meeting(List<Principal> attendees, boolean approved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Interface committee, ad hoc");
        m.put("kind", "INTERFACE_COMMITTEE");
        m.put("chair", attendees.get(0).id());
        m.put("attendees", attendees.stream().map(Principal::id).toList());
        m.put("agenda", List.of());
        m.put("minutesApproved", approved);
        return m;
    }

    /** An update of a stored meeting by {@code actor} to the given attendees and approval. */
    private Decision update(CompiledPolicy p, Principal actor, List<Principal> storedAttendees,
            List<Principal> attendees, boolean approved) {
        CrmRecord stored = record(MEETING, storedAttendees.get(0), meeting(storedAttendees, false));
        List<RelatedPrincipal> related = new ArrayList<>(List.of(new RelatedPrincipal("chair", attendees.get(0))));
        attendees.forEach(a -> related.add(new RelatedPrincipal("attendees", a)));
        return engine.decide(p, on(actor, Action.UPDATE, stored, storedAttendees.get(0), meeting(attendees, approved),
                related.toArray(RelatedPrincipal[]::new)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void theChairCannotAddTheComplianceOfficerAndApproveInOneUpdate(String region) throws Exception {
        Members m = Members.of(region);
        Decision d = update(policy(region), m.head(), List.of(m.head(), m.vp(), m.legal()),
                List.of(m.head(), m.vp(), m.legal(), m.officer()), true);
        assertTrue(d.blocked(), "self-attested attendance");
        assertTrue(d.refusal().ruleId().startsWith(region + ".g6."), d.refusal().ruleId());
        assertEquals("G6", d.refusal().requirement());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void onlyTheComplianceOfficerApprovesEvenWhenTheyAttended(String region) throws Exception {
        Members m = Members.of(region);
        List<Principal> all = List.of(m.head(), m.vp(), m.legal(), m.officer());
        for (Principal actor : List.of(m.head(), m.vp(), m.legal())) {
            Decision d = update(policy(region), actor, all, all, true);
            assertTrue(d.blocked(), actor.id() + " approved the minutes");
            assertTrue(d.refusal().ruleId().startsWith(region + ".g6."), d.refusal().ruleId());
        }
        assertFalse(update(policy(region), m.officer(), all, all, true).blocked(),
                "the attending compliance officer approves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void theComplianceOfficerApprovesOnlyAMeetingTheyWereRecordedAsAttending(String region) throws Exception {
        Members m = Members.of(region);
        List<Principal> without = List.of(m.head(), m.vp(), m.legal());
        List<Principal> with = List.of(m.head(), m.vp(), m.legal(), m.officer());
        Decision selfAdded = update(policy(region), m.officer(), without, with, true);
        assertTrue(selfAdded.blocked(), "added themselves and approved in one update");
        assertEquals("G6", selfAdded.refusal().requirement());
        Decision colleague = update(policy(region), m.otherOfficer(), with, with, true);
        assertTrue(colleague.blocked(), "a compliance officer who did not attend");
        assertEquals("G6", colleague.refusal().requirement());
        assertTrue(engine.decide(policy(region), create(m.officer(), MEETING, meeting(with, true),
                new RelatedPrincipal("chair", m.head()))).blocked(), "minutes are not approved at creation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu"})
    void otherChangesToAnApprovedMeetingAreNotApprovals(String region) throws Exception {
        Members m = Members.of(region);
        List<Principal> with = List.of(m.head(), m.vp(), m.legal(), m.officer());
        CrmRecord stored = record(MEETING, m.head(), meeting(with, true));
        Map<String, Object> after = new LinkedHashMap<>(stored.fields());
        after.put("title", "Interface committee, ad hoc (minutes filed)");
        List<RelatedPrincipal> related = new ArrayList<>(List.of(new RelatedPrincipal("chair", m.head())));
        with.forEach(a -> related.add(new RelatedPrincipal("attendees", a)));
        Decision d = engine.decide(policy(region), on(m.head(), Action.UPDATE, stored, m.head(), after,
                related.toArray(RelatedPrincipal[]::new)));
        assertFalse(d.blocked(), () -> String.valueOf(d.refusal()));
    }
}
