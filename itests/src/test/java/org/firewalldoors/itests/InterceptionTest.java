package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.itests.Fixtures.TestInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

@ExtendWith(WithoutCompliance.class)
class InterceptionTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;

    @Test
    void everyKindOfOperationPassesThroughTheInterceptor() {
        Caller rep = caller(users, "rep.us");
        String subject = "call back " + UUID.randomUUID();
        try (TestInterceptor interceptor = TestInterceptor.allowAll(context)) {
            CrmRecord task = records.create(rep, "Task", Map.of("subject", subject));
            records.read(rep, "Task", task.id()).orElseThrow();
            records.query(rep, "Task", Map.of("subject", subject));
            records.update(rep, "Task", task.id(), Map.of("dueDate", "2026-12-01"), task.version());
            records.share(rep, "Task", task.id(), "rep2.us");
            records.assign(rep, "Task", task.id(), "rep2.us");
            records.export(rep, "Task", Map.of("subject", subject));
            records.delete(rep, "Task", task.id());

            List<Operation> seen = interceptor.seen();
            Set<Action> actions = seen.stream().map(Operation::action).collect(Collectors.toSet());
            assertEquals(EnumSet.allOf(Action.class), actions);
            Operation share = seen.stream().filter(o -> o.action() == Action.SHARE).findFirst().orElseThrow();
            assertEquals("rep2.us", share.related(RelatedPrincipal.RECIPIENT).get(0).id());
            assertEquals("rep.us", share.related(RelatedPrincipal.OWNER).get(0).id());
            Operation assign = seen.stream().filter(o -> o.action() == Action.ASSIGN).findFirst().orElseThrow();
            assertEquals("rep2.us", assign.related("assignee").get(0).id());
            assertTrue(records.read(rep, "Task", task.id()).isEmpty(), "deleted");
        }
    }

    @Test
    void aStreamedExportResumesAfterItsCursorWithoutLossOrRepeats() {
        Caller rep = caller(users, "rep.us");
        String subject = "stream " + UUID.randomUUID();
        try (TestInterceptor interceptor = TestInterceptor.allowAll(context)) {
            List<String> created = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(records.create(rep, "Task", Map.of("subject", subject)).id());
            }
            List<CrmRecord> first = new java.util.ArrayList<>();
            records.export(rep, "Task", Map.of("subject", subject), null, r -> {
                if (first.size() < 2) {
                    first.add(r);
                }
            });
            List<CrmRecord> rest = new java.util.ArrayList<>();
            long count = records.export(rep, "Task", Map.of("subject", subject),
                    org.firewalldoors.api.host.ExportCursor.after(first.get(1)), rest::add);
            assertEquals(3, count);
            List<String> all = new java.util.ArrayList<>(first.stream().map(CrmRecord::id).toList());
            all.addAll(rest.stream().map(CrmRecord::id).toList());
            assertEquals(Set.copyOf(created), Set.copyOf(all));
            assertEquals(5, all.size());
            assertTrue(interceptor.seen().stream().filter(o -> o.action() == Action.EXPORT).count() >= 7,
                    "the export and every record in it were decided");
        }
    }

    @Test
    void aBlockRefusesTheWriteAndNothingIsStored() {
        Caller rep = caller(users, "rep.us");
        String subject = "blocked " + UUID.randomUUID();
        Refusal refusal = new Refusal(RefusalKind.DENIED, "test.block", "A3", "no", null);
        try (TestInterceptor interceptor = new TestInterceptor(context,
                op -> op.action() == Action.CREATE || op.action() == Action.UPDATE
                        ? Decision.block(refusal, "test", "1") : Decision.allow())) {
            OperationRefusedException e = assertThrows(OperationRefusedException.class,
                    () -> records.create(rep, "Task", Map.of("subject", subject)));
            assertEquals("test.block", e.refusal().ruleId());
            assertEquals("A3", e.refusal().requirement());
            assertTrue(records.query(rep, "Task", Map.of("subject", subject)).isEmpty());
        }
        CrmRecord task;
        try (TestInterceptor allow = TestInterceptor.allowAll(context)) {
            task = records.create(rep, "Task", Map.of("subject", subject));
        }
        try (TestInterceptor interceptor = new TestInterceptor(context,
                op -> op.action() == Action.UPDATE ? Decision.block(refusal, "test", "1") : Decision.allow())) {
            assertThrows(OperationRefusedException.class,
                    () -> records.update(rep, "Task", task.id(), Map.of("subject", "changed"), 0));
            CrmRecord after = records.read(rep, "Task", task.id()).orElseThrow();
            assertEquals(subject, after.field("subject"));
            assertEquals(1, after.version());
        }
    }

    @Test
    void aConcealingDecisionHidesRecordsFromReadsAndQueries() {
        Caller msl = caller(users, "msl.us");
        Caller rep = caller(users, "rep.us");
        String notes = "concealed " + UUID.randomUUID();
        Refusal conceal = new Refusal(RefusalKind.CONCEALED, "test.conceal", "K3", "hidden", null);
        try (TestInterceptor interceptor = new TestInterceptor(context,
                op -> op.actor().id().equals("rep.us") && op.before() != null
                        ? Decision.block(conceal, "test", "1") : Decision.allow())) {
            CrmRecord report = records.create(msl, "CallReport", Map.of("notes", notes));
            assertTrue(records.read(msl, "CallReport", report.id()).isPresent());
            assertTrue(records.read(rep, "CallReport", report.id()).isEmpty());
            assertTrue(records.query(rep, "CallReport", Map.of("notes", notes)).isEmpty());
            assertEquals(1, records.query(msl, "CallReport", Map.of("notes", notes)).size());
        }
    }

    @Test
    void redactedFieldsAreLeftOutOfWhatIsRead() {
        Caller rep = caller(users, "rep.us");
        try (TestInterceptor interceptor = new TestInterceptor(context, op -> op.action() == Action.READ
                ? new Decision(org.firewalldoors.api.host.Verdict.ALLOW, null, Set.of("medicalObjective"), List.of(),
                        "test", "1")
                : Decision.allow())) {
            CrmRecord plan = records.create(rep, "AccountPlan",
                    Map.of("accountId", "acc-1", "medicalObjective", "m", "commercialObjective", "c"));
            CrmRecord read = records.read(rep, "AccountPlan", plan.id()).orElseThrow();
            assertEquals("c", read.field("commercialObjective"));
            assertTrue(!read.fields().containsKey("medicalObjective"));
        }
    }
}
