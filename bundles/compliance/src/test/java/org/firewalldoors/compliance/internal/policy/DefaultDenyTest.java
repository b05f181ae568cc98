package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.ACCOUNT_PLAN;
import static org.firewalldoors.compliance.internal.policy.Ops.CALL_REPORT;
import static org.firewalldoors.compliance.internal.policy.Ops.COMPLIANCE;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.firewalldoors.compliance.internal.policy.Ops.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Caller;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Default deny in both shipped policies (issue 14, items 2 to 4): a type or field nobody classified is its
 * owner's side, a record whose owner left is nobody's, a delete needs the right to write every field of the type,
 * and a meeting of the other side opens to its named participants only, read-only.
 */
class DefaultDenyTest {

    private static final RecordTypeDescriptor EXPENSE = type("ExpenseReport", Map.of(
            "amount", FieldSpec.shared(FieldType.ANY)));
    private static final RecordTypeDescriptor ACCOUNT = type("Account", Map.of(
            "name", FieldSpec.shared(FieldType.STRING)));
    private static final RecordTypeDescriptor MEETING = type("Meeting", Map.of(
            "title", FieldSpec.shared(FieldType.STRING), "chair", FieldSpec.shared(FieldType.USER),
            "attendees", FieldSpec.shared(FieldType.USER_LIST)));

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private static CompiledPolicy policy(String region) throws Exception {
        return PolicyCompiler.compile(region + ".json", Files.readString(Path.of(
                "../policy-" + region + "/src/main/resources/policy/" + region + ".json")), "test");
    }

    /** An operation on a stored record; {@code owner} null: the owner is no longer in the directory. */
    private static Operation op(Principal actor, Action action, RecordTypeDescriptor type, CrmRecord r,
            Principal owner, Map<String, Object> after) {
        List<RelatedPrincipal> related = owner == null ? List.of()
                : List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, owner));
        return new Operation(Caller.java(actor), action, type, r.id(), r, after, related, r.region());
    }

    private static CrmRecord stored(String type, String id, Map<String, Object> fields, String owner,
            String region) {
        return new CrmRecord(type, id, fields, owner, region, 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static Principal local(Principal p, String region) {
        return new Principal(p.id().replace(".us", "." + region.toLowerCase()), p.function(), p.role(), region,
                p.manager());
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void aTypeThePolicyDoesNotClassifyIsItsOwnersSide(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Principal rep = local(REP, p.region());
        Principal msl = local(MSL, p.region());
        Principal officer = local(COMPLIANCE, p.region());
        CrmRecord mslExpense = stored("ExpenseReport", "e-1", Map.of("amount", 40), msl.id(), p.region());
        assertEquals(RefusalKind.CONCEALED,
                engine.decide(p, op(rep, Action.READ, EXPENSE, mslExpense, msl, Map.of())).refusal().kind());
        assertEquals(RefusalKind.CONCEALED, engine.decide(p, op(rep, Action.UPDATE, EXPENSE, mslExpense, msl,
                Map.of("amount", 1))).refusal().kind());
        assertFalse(engine.decide(p, op(msl, Action.READ, EXPENSE, mslExpense, msl, Map.of())).blocked());
        // Owned by neither side: Medical Affairs' until the policy says otherwise.
        assertEquals(RefusalKind.CONCEALED,
                engine.decide(p, op(rep, Action.READ, EXPENSE, mslExpense, officer, Map.of())).refusal().kind());
        assertFalse(engine.decide(p, op(officer, Action.READ, EXPENSE, mslExpense, msl, Map.of())).blocked());
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void aFieldNobodyClassifiedIsItsOwnersSide(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Principal rep = local(REP, p.region());
        Principal msl = local(MSL, p.region());
        CrmRecord account = stored("Account", "a-1", Map.of("name", "St. Luke's", "mslImpressions", "x"),
                msl.id(), p.region());
        Decision read = engine.decide(p, op(rep, Action.READ, ACCOUNT, account, msl, Map.of()));
        assertFalse(read.blocked());
        assertTrue(read.redactedFields().contains("mslImpressions"), read.toString());
        assertFalse(read.redactedFields().contains("name"));
        Decision write = engine.decide(p, op(rep, Action.UPDATE, ACCOUNT, account, msl,
                Map.of("name", "St. Luke's", "mslImpressions", "overwritten")));
        assertEquals(RefusalKind.DENIED, write.refusal().kind());
        assertTrue(engine.decide(p, op(msl, Action.READ, ACCOUNT, account, msl, Map.of())).redactedFields()
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void aRecordWhoseOwnerLeftIsNobodys(String region) throws Exception {
        CompiledPolicy p = policy(region);
        CrmRecord report = stored("CallReport", "c-1", Map.of("notes", "n"), "departed.msl", p.region());
        for (Principal business : List.of(local(REP, p.region()), local(MSL, p.region()))) {
            Decision d = engine.decide(p, op(business, Action.READ, CALL_REPORT, report, null, Map.of()));
            assertEquals(RefusalKind.CONCEALED, d.refusal().kind(), business.id());
            assertTrue(d.refusal().ruleId().endsWith(".unknown-owner"), d.refusal().ruleId());
        }
        assertFalse(engine.decide(p, op(local(COMPLIANCE, p.region()), Action.READ, CALL_REPORT, report, null,
                Map.of())).blocked());
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void aDeleteNeedsTheRightToWriteEveryFieldOfTheTypeWhateverTheRecordHolds(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Principal rep = local(REP, p.region());
        Principal msl = local(MSL, p.region());
        // One plan holds a medical field, the other none: the answer is the same, so it tells nothing.
        CrmRecord bare = stored("AccountPlan", "p-1", Map.of("accountId", "a"), msl.id(), p.region());
        CrmRecord full = bare.withFields(Map.of("accountId", "a", "medicalObjective", "trial design"));
        for (CrmRecord plan : List.of(bare, full)) {
            Decision d = engine.decide(p, op(rep, Action.DELETE, ACCOUNT_PLAN, plan, msl, Map.of()));
            assertEquals(RefusalKind.DENIED, d.refusal().kind());
            assertEquals("firewall.AccountPlan.delete", d.refusal().ruleId());
        }
        assertFalse(engine.decide(p, op(local(COMPLIANCE, p.region()), Action.DELETE, ACCOUNT_PLAN, full, msl,
                Map.of())).blocked());
        // Records wholly of one's own side: the owner's side deletes.
        CrmRecord meeting = stored("Meeting", "m-1", Map.of("title", "Journal club"), msl.id(), p.region());
        assertFalse(engine.decide(p, op(msl, Action.DELETE, MEETING, meeting, msl, Map.of())).blocked());
        assertEquals(RefusalKind.CONCEALED,
                engine.decide(p, op(rep, Action.DELETE, MEETING, meeting, msl, Map.of())).refusal().kind());
    }

    @ParameterizedTest
    @ValueSource(strings = { "us", "eu" })
    void aMeetingOfTheOtherSideOpensToItsParticipantsOnlyReadOnly(String region) throws Exception {
        CompiledPolicy p = policy(region);
        Principal rep = local(REP, p.region());
        Principal msl = local(MSL, p.region());
        CrmRecord meeting = stored("Meeting", "m-2", Map.of("title", "Data release",
                "attendees", List.of(msl.id(), rep.id())), msl.id(), p.region());
        Decision read = engine.decide(p, op(rep, Action.READ, MEETING, meeting, msl, Map.of()));
        assertFalse(read.blocked(), String.valueOf(read.refusal()));
        assertTrue(read.findings().stream().anyMatch(f -> f.kind() == FindingKind.CROSSING
                && f.ruleId().endsWith("g2.meeting-participants")), read.findings().toString());
        Principal other = new Principal("rep2." + region, REP.function(), "REP", p.region(), null);
        assertEquals(RefusalKind.CONCEALED,
                engine.decide(p, op(other, Action.READ, MEETING, meeting, msl, Map.of())).refusal().kind());
        assertTrue(engine.decide(p, op(rep, Action.UPDATE, MEETING, meeting, msl,
                Map.of("title", "Taken over", "attendees", List.of(msl.id(), rep.id())))).blocked());
    }
}
