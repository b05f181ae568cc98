package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.COMPLIANCE;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_DIR;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.firewalldoors.compliance.internal.policy.Ops.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The extensions of the policy language for doors 1 and 4 and the committee: {@code absent} related principals
 * (G1, G6), {@code notIn}, element conditions with user ids resolved through the directory (E3, G4, G5), the
 * event history (X8) and a door's {@code excludeWhen} (X3).
 */
class PolicyLanguageExtensionsTest {

    private static final Principal MEDHEAD = new Principal("medhead.us", org.firewalldoors.api.host.BusinessFunction.MEDICAL,
            "MEDICAL_HEAD", "US", null);
    private static final RecordTypeDescriptor EVENT = type("MedicalEducationEvent", Map.of(
            "sessions", FieldSpec.shared(FieldType.LIST), "hcpAttendees", FieldSpec.shared(FieldType.LIST)));
    private static final RecordTypeDescriptor MEETING = type("Meeting", Map.of("chair", FieldSpec.shared(FieldType.USER),
            "attendees", FieldSpec.shared(FieldType.USER_LIST), "agenda", FieldSpec.shared(FieldType.LIST)));
    private static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    /** Users the engine can resolve by id. */
    private static Optional<Principal> user(String id) {
        return Stream.of(Ops.REP, Ops.MSL, Ops.MSL_DIR, Ops.COMPLIANCE, MEDHEAD).filter(p -> p.id().equals(id)).findFirst();
    }

    private static CompiledPolicy policy(String rule) throws PolicyException {
        return PolicyCompiler.compile("t.json", """
                {"id": "t", "version": "1", "region": "US", "termLists": {"t": ["x"]}, "rules": [%s]}""".formatted(rule),
                "test");
    }

    private static String rule(String when) {
        return """
                {"id": "r", "requirement": "E3", "citation": "c", "message": "No.", "effect": "BLOCK", "when": %s}"""
                .formatted(when);
    }

    private static String refusal(String rule) {
        return assertThrows(PolicyException.class, () -> policy(rule)).getMessage();
    }

    private final PolicyEngine engine = new PolicyEngine(PolicyLanguageExtensionsTest::user);

    // --- related "absent" (G1, G6) ---------------------------------------------------------------------------

    @Test
    void absentHoldsWhenNoRelatedPrincipalHasTheRole() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"recordTypes": ["Meeting"], "fields": [{"field": "minutesApproved", "equals": true}],
                 "related": [{"relation": "attendees", "roles": ["COMPLIANCE_OFFICER"], "absent": true}]}"""));
        Map<String, Object> approved = Map.of("minutesApproved", true);
        Decision without = engine.decide(p, create(MEDHEAD, MEETING, approved, new RelatedPrincipal("attendees", REP)));
        assertEquals("r", without.refusal().ruleId());
        assertTrue(engine.decide(p, create(MEDHEAD, MEETING, approved)).blocked(), "no attendees at all");
        assertFalse(engine.decide(p, create(MEDHEAD, MEETING, approved, new RelatedPrincipal("attendees", REP),
                new RelatedPrincipal("attendees", COMPLIANCE))).blocked());
        assertTrue(engine.decide(p, create(MEDHEAD, MEETING, approved, new RelatedPrincipal("chair", COMPLIANCE)))
                .blocked(), "another relation does not count");
    }

    @Test
    void absentCombinesFunctionAndRole() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"recordTypes": ["Meeting"],
                 "related": [{"relation": "chair", "functions": ["MEDICAL"], "roles": ["MEDICAL_HEAD"], "absent": true}]}"""));
        assertFalse(engine.decide(p, create(MEDHEAD, MEETING, Map.of(), new RelatedPrincipal("chair", MEDHEAD))).blocked());
        assertTrue(engine.decide(p, create(MEDHEAD, MEETING, Map.of(), new RelatedPrincipal("chair", MSL_DIR))).blocked());
        assertTrue(engine.decide(p, create(REP, MEETING, Map.of())).blocked(), "no chair");
        assertEquals("t.json: rule r: an 'absent' condition on 'chair' must name functions or roles",
                refusal(rule("{\"related\": [{\"relation\": \"chair\", \"absent\": true}]}")));
    }

    // --- notIn ------------------------------------------------------------------------------------------------

    @Test
    void notInHoldsForAMissingValueOrOneOutsideTheSet() throws Exception {
        CompiledPolicy p = policy(rule("{\"fields\": [{\"field\": \"eventType\", \"notIn\": [\"SPEAKER_PROGRAM\"]}]}"));
        assertTrue(engine.decide(p, create(MSL, EVENT, Map.of("eventType", "SYMPOSIUM"))).blocked());
        assertTrue(engine.decide(p, create(MSL, EVENT, Map.of())).blocked());
        assertFalse(engine.decide(p, create(MSL, EVENT, Map.of("eventType", "SPEAKER_PROGRAM"))).blocked());
    }

    // --- element conditions (E3, G4, G5) ----------------------------------------------------------------------

    @Test
    void e3UserIdsInsideSelectedElementsAreResolvedThroughTheDirectory() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"fields": [{"field": "sessions", "where": {"kind": "COMMERCIAL_FOLLOW_UP"}, "usersIn": "attendees",
                  "usersWithFunction": ["MEDICAL"]}]}"""));
        Decision d = engine.decide(p, create(REP, EVENT, Map.of("sessions", List.of(
                Map.of("kind", "SCIENTIFIC", "attendees", List.of("msl.us", "rep.us")),
                Map.of("kind", "COMMERCIAL_FOLLOW_UP", "attendees", List.of("rep.us", "msldir.us", "nobody"))))));
        assertEquals(RefusalKind.DENIED, d.refusal().kind(), "user ids are not content");
        assertEquals(List.of("msldir.us"), d.refusal().offending());
        assertTrue(d.refusal().message().contains("msldir.us"), d.refusal().message());
        assertFalse(engine.decide(p, create(REP, EVENT, Map.of("sessions", List.of(
                Map.of("kind", "SCIENTIFIC", "attendees", List.of("msl.us")),
                Map.of("kind", "COMMERCIAL_FOLLOW_UP", "attendees", List.of("rep.us", "nobody"))))))
                .blocked());
        assertFalse(engine.decide(p, create(REP, EVENT, Map.of())).blocked(), "no sessions");
    }

    @Test
    void withoutUsersInEveryStringOfTheElementIsAUserIdCandidate() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"fields": [{"field": "sessions", "where": {"kind": "COMMERCIAL_FOLLOW_UP"}, "usersWithRole": ["MSL"]}]}"""));
        assertTrue(engine.decide(p, create(REP, EVENT, Map.of("sessions", List.of(Map.of("kind", "COMMERCIAL_FOLLOW_UP",
                "host", "msl.us"))))).blocked());
        assertFalse(engine.decide(p, create(REP, EVENT, Map.of("sessions", List.of(Map.of("kind", "COMMERCIAL_FOLLOW_UP",
                "host", "msldir.us"))))).blocked(), "an MSL director is not an MSL by role");
    }

    @Test
    void g4WhereNotSelectsElementsOutsideTheAllowedValues() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"fields": [{"field": "agenda", "whereNot": {"category": ["KOL_LANDSCAPE", "DATA_RELEASES"]}}]}"""));
        Decision d = engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of(
                Map.of("category", "KOL_LANDSCAPE", "title", "a"), Map.of("category", "GOLF", "title", "b")))));
        assertEquals(List.of("GOLF"), d.refusal().offending());
        assertTrue(engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of("uncategorised")))).blocked());
        assertFalse(engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of(
                Map.of("category", "DATA_RELEASES", "title", "c"))))).blocked());
        assertFalse(engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of()))).blocked());
    }

    @Test
    void g5WhereWithAListOfValuesSelectsAnyOfThem() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"fields": [{"field": "agenda", "where": {"category": ["SALES_TARGETS", "REP_PERFORMANCE_BY_TERRITORY"]}}]}"""));
        assertEquals(List.of("SALES_TARGETS"), engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of(
                Map.of("category", "SALES_TARGETS", "title", "Q3"))))).refusal().offending());
        assertFalse(engine.decide(p, create(MEDHEAD, MEETING, Map.of("agenda", List.of(
                Map.of("category", "KOL_LANDSCAPE", "title", "sales targets"))))).blocked(), "titles are for term lists");
    }

    @Test
    void elementConditionsAreValidated() {
        assertEquals("t.json: rule r: element conditions need a named list field",
                refusal(rule("{\"fields\": [{\"field\": \"*\", \"where\": {\"kind\": \"A\"}}]}")));
        assertEquals("t.json: rule r: 'usersIn' on 'sessions' needs 'usersWithFunction' or 'usersWithRole'",
                refusal(rule("{\"fields\": [{\"field\": \"sessions\", \"where\": {\"kind\": \"A\"}, \"usersIn\": \"a\"}]}")));
        assertEquals("t.json: rule r: unknown function 'SALES'",
                refusal(rule("{\"fields\": [{\"field\": \"sessions\", \"usersWithFunction\": [\"SALES\"]}]}")));
        assertEquals("t.json: rule r: element key 'kind' needs a value or a list of values",
                refusal(rule("{\"fields\": [{\"field\": \"sessions\", \"where\": {\"kind\": {\"a\": 1}}}]}")));
    }

    // --- the event history (X8) -------------------------------------------------------------------------------

    /** A history of one HCP's attendances and one speaker's topic. */
    private static final class History implements EventHistory {
        final List<Instant> attended;
        String askedType;

        History(Instant... attended) {
            this.attended = List.of(attended);
        }

        @Override
        public Map<String, List<Instant>> attendances(String region, String eventType, Collection<String> hcpIds,
                String excludedEventId) {
            askedType = eventType;
            return hcpIds.contains("hcp-1") && "r-1".equals(excludedEventId) ? Map.of("hcp-1", attended) : Map.of();
        }

        @Override
        public Set<String> speakersOn(String region, String topic, Collection<String> hcpIds, String excludedEventId) {
            return "heart failure".equals(topic) && hcpIds.contains("hcp-9") ? Set.of("hcp-9") : Set.of();
        }
    }

    private static PolicyEngine engine(EventHistory history) {
        return new PolicyEngine(PolicyLanguageExtensionsTest::user, history, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static final String ATTENDANCE = rule("""
            {"recordTypes": ["MedicalEducationEvent"],
             "fields": [{"field": "hcpAttendees", "attendanceOver": {"max": 2, "withinDays": 365}}]}""");

    @Test
    void x8AttendanceOverCountsOtherEventsInAWindowThatIncludesThisOne() throws Exception {
        CompiledPolicy p = policy(ATTENDANCE);
        Map<String, Object> event = Map.of("eventType", "SPEAKER_PROGRAM", "startsAt", "2027-06-01",
                "hcpAttendees", List.of("hcp-1", "hcp-2"));
        History twoBefore = new History(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"));
        Decision d = engine(twoBefore).decide(p, create(REP, EVENT, event));
        assertEquals(List.of("hcp-1"), d.refusal().offending());
        assertEquals("SPEAKER_PROGRAM", twoBefore.askedType, "counted per event type");

        History spread = new History(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-05-01T00:00:00Z"));
        assertFalse(engine(spread).decide(p, create(REP, EVENT, event)).blocked(), "never three within a year");
        History oneBefore = new History(Instant.parse("2027-01-01T00:00:00Z"));
        assertFalse(engine(oneBefore).decide(p, create(REP, EVENT, event)).blocked(), "two is the limit, not over it");
        History around = new History(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-12-01T00:00:00Z"));
        assertTrue(engine(around).decide(p, create(REP, EVENT, event)).blocked(), "one before, one after");
    }

    @Test
    void aWindowIncludesThisEventAndSlides() {
        Instant t = Instant.parse("2027-06-01T00:00:00Z");
        Duration year = Duration.ofDays(365);
        assertEquals(1, EventChecks.mostInOneWindow(t, List.of(), year));
        assertEquals(2, EventChecks.mostInOneWindow(t, List.of(t.minus(Duration.ofDays(300)), t.plus(Duration.ofDays(300))), year));
        assertEquals(3, EventChecks.mostInOneWindow(t, List.of(t.minus(Duration.ofDays(100)), t.plus(Duration.ofDays(100))), year));
        assertEquals(1, EventChecks.mostInOneWindow(t, List.of(t.minus(Duration.ofDays(400))), year));
    }

    @Test
    void x8ASpeakerOnTheTopicCannotAttendHereOrElsewhere() throws Exception {
        CompiledPolicy p = policy(rule("""
                {"recordTypes": ["MedicalEducationEvent"],
                 "fields": [{"field": "hcpAttendees", "speakerOnOwnTopic": true}]}"""));
        PolicyEngine e = engine(new History());
        Decision elsewhere = e.decide(p, create(REP, EVENT, Map.of("topic", "Heart  Failure",
                "hcpAttendees", List.of("hcp-9", "hcp-3"))));
        assertEquals(List.of("hcp-9"), elsewhere.refusal().offending());
        assertTrue(e.decide(p, create(REP, EVENT, Map.of("topic", "Lipids", "hcpAttendees", List.of("hcp-3"),
                "speakers", List.of(Map.of("hcpId", "hcp-3"))))).blocked(), "a speaker of this very program");
        assertFalse(e.decide(p, create(REP, EVENT, Map.of("topic", "Lipids", "hcpAttendees", List.of("hcp-9"),
                "speakers", List.of("hcp-3")))).blocked());
    }

    @Test
    void theEventHistoryKnowsOnlyTheAttendeesOfEducationEvents() {
        assertEquals("t.json: rule r: the event history knows only field 'hcpAttendees' of MedicalEducationEvent: "
                + "name that record type alone", refusal(ATTENDANCE.replace("\"recordTypes\": [\"MedicalEducationEvent\"],", "")));
        assertEquals("t.json: rule r: 'attendanceOver' needs 'max' (0 or more) and 'withinDays' (1 or more)",
                refusal(ATTENDANCE.replace("\"withinDays\": 365", "\"withinDays\": 0")));
    }

    // --- a door's excludeWhen (X3) ----------------------------------------------------------------------------

    private static final RecordTypeDescriptor KOL = new RecordTypeDescriptor("KolProfile", Map.of(
            "name", FieldSpec.shared(FieldType.STRING), "visitNotes", FieldSpec.shared(FieldType.STRING),
            "profilingObjection", FieldSpec.shared(FieldType.BOOLEAN)), true, true, Classification.SHARED);

    private static final String KOL_DOOR = """
            {"id": "t", "version": "1", "region": "EU",
             "firewall": {"recordTypes": {"KolProfile": {"classification": "MEDICAL_ONLY", "requirement": "K3"}}},
             "doors": [{"id": "door.kol", "requirement": "K1", "citation": "c", "message": "KOL intelligence",
               "recordType": "KolProfile", "direction": "MEDICAL_TO_COMMERCIAL", "actions": ["READ", "QUERY", "EXPORT"],
               "fields": ["name"], "excludeWhen": [%s]}]}""";

    @Test
    void x3ADoorConcealsTheRecordsItExcludes() throws Exception {
        CompiledPolicy p = PolicyCompiler.compile("t.json",
                KOL_DOOR.formatted("{\"field\": \"profilingObjection\", \"equals\": true}"), "t");
        CrmRecord objected = record(KOL, MSL, Map.of("name", "Dr. A", "visitNotes", "n", "profilingObjection", true));
        for (Action a : List.of(Action.READ, Action.QUERY, Action.EXPORT)) {
            Decision d = engine.decide(p, on(REP, a, objected, MSL, Map.of()));
            assertEquals(RefusalKind.CONCEALED, d.refusal().kind(), a.name());
            assertEquals("door.kol.excluded", d.refusal().ruleId());
        }
        CrmRecord open = record(KOL, MSL, Map.of("name", "Dr. B", "visitNotes", "n", "profilingObjection", false));
        Decision crossing = engine.decide(p, on(REP, Action.EXPORT, open, MSL, Map.of()));
        assertFalse(crossing.blocked());
        assertTrue(crossing.findings().stream().anyMatch(f -> f.kind() == FindingKind.CROSSING));
        assertFalse(engine.decide(p, on(REP, Action.READ, record(KOL, MSL, Map.of("name", "Dr. C")), MSL, Map.of()))
                .blocked(), "no objection recorded");
        assertFalse(engine.decide(p, on(MSL, Action.READ, objected, MSL, Map.of())).blocked(),
                "Medical Affairs keeps its own record");
    }

    @Test
    void excludeWhenIsAListOfFieldConditionsAnyOfWhichExcludes() throws Exception {
        CompiledPolicy p = PolicyCompiler.compile("t.json", KOL_DOOR.formatted(
                "{\"field\": \"profilingObjection\", \"equals\": true}, {\"field\": \"name\", \"equals\": \"Withdrawn\"}"), "t");
        assertTrue(engine.decide(p, on(REP, Action.READ, record(KOL, MSL, Map.of("name", "A", "profilingObjection", true)),
                MSL, Map.of())).blocked());
        assertTrue(engine.decide(p, on(REP, Action.READ, record(KOL, MSL, Map.of("name", "Withdrawn")),
                MSL, Map.of())).blocked());
        assertFalse(engine.decide(p, on(REP, Action.READ, record(KOL, MSL, Map.of("name", "A")),
                MSL, Map.of())).blocked());
        String history = KOL_DOOR.formatted("{\"field\": \"hcpAttendees\", \"speakerOnOwnTopic\": true}");
        assertEquals("t.json: door door.kol: 'excludeWhen' cannot ask the event history",
                assertThrows(PolicyException.class, () -> PolicyCompiler.compile("t.json", history, "t")).getMessage());
        assertEquals("t.json: door door.kol: excludeWhen: field condition on 'name' checks nothing",
                assertThrows(PolicyException.class, () -> PolicyCompiler.compile("t.json",
                        KOL_DOOR.formatted("{\"field\": \"name\"}"), "t")).getMessage());
    }
}
