package org.firewalldoors.compliance.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event history of X8: what it indexes from allowed writes, and what it answers. */
class EventLedgerTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", null);
    private static final RecordTypeDescriptor EVENT = new RecordTypeDescriptor("MedicalEducationEvent", Map.of(), true,
            true, Classification.SHARED);
    private static final RecordTypeDescriptor TASK = new RecordTypeDescriptor("Task", Map.of(), true, true,
            Classification.SHARED);

    private EventLedger ledger;
    private DataSource ds;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void setUp() {
        ds = database();
        ledger = new EventLedger(ds, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Operation write(Action action, String id, RecordTypeDescriptor type, Map<String, Object> fields) {
        CrmRecord before = action == Action.CREATE ? null
                : new CrmRecord(type.name(), id, Map.of(), "rep.us", "US", 1, NOW, NOW);
        return new Operation(Caller.java(REP), action, type, id, before, fields, List.of(), "US");
    }

    @Test
    void attendancesAreCountedPerRegionAndEventTypeWithoutTheEventAskedAbout() {
        ledger.allowed(write(Action.CREATE, "e1", EVENT, Map.of("eventType", "SPEAKER_PROGRAM",
                "startsAt", "2027-01-10", "hcpAttendees", List.of("hcp-1", "hcp-2"))));
        ledger.allowed(write(Action.CREATE, "e2", EVENT, Map.of("eventType", "SPEAKER_PROGRAM",
                "startsAt", "2027-02-10T18:00:00Z", "hcpAttendees", List.of("hcp-1"))));
        ledger.allowed(write(Action.CREATE, "e3", EVENT, Map.of("eventType", "SYMPOSIUM",
                "hcpAttendees", List.of("hcp-1"))));
        Map<String, List<Instant>> seen = ledger.attendances("US", "SPEAKER_PROGRAM", Set.of("hcp-1", "hcp-2"), "e2");
        assertEquals(List.of(Instant.parse("2027-01-10T00:00:00Z")), seen.get("hcp-1"));
        assertEquals(1, seen.get("hcp-2").size());
        assertEquals(List.of(NOW), ledger.attendances("US", "SYMPOSIUM", Set.of("hcp-1"), null).get("hcp-1"),
                "an event without a start counts from when it was written");
        assertEquals(Map.of(), ledger.attendances("EU", "SPEAKER_PROGRAM", Set.of("hcp-1"), null));
        assertEquals(Map.of(), ledger.attendances("US", null, Set.of("hcp-1"), null));
    }

    @Test
    void anUpdateReplacesAnEventAndADeleteForgetsIt() {
        ledger.allowed(write(Action.CREATE, "e1", EVENT, Map.of("hcpAttendees", List.of("hcp-1"))));
        ledger.allowed(write(Action.UPDATE, "e1", EVENT, Map.of("hcpAttendees", List.of("hcp-2"))));
        assertEquals(Set.of("hcp-2"), ledger.attendances("US", null, Set.of("hcp-1", "hcp-2"), null).keySet());
        ledger.allowed(write(Action.READ, "e1", EVENT, Map.of()));
        assertEquals(Set.of("hcp-2"), ledger.attendances("US", null, Set.of("hcp-2"), null).keySet(), "reads change nothing");
        ledger.allowed(write(Action.DELETE, "e1", EVENT, Map.of()));
        assertTrue(ledger.attendances("US", null, Set.of("hcp-2"), null).isEmpty());
        ledger.allowed(write(Action.CREATE, "t1", TASK, Map.of("hcpAttendees", List.of("hcp-2"))));
        assertTrue(ledger.attendances("US", null, Set.of("hcp-2"), null).isEmpty(), "only education events");
    }

    @Test
    void speakersAreFoundByTopicWhateverTheCaseAndSpacing() {
        ledger.allowed(write(Action.CREATE, "e1", EVENT, Map.of("topic", "Heart  failure",
                "speakers", List.of(Map.of("hcpId", "hcp-9"), "hcp-8"))));
        assertEquals(Set.of("hcp-9", "hcp-8"), ledger.speakersOn("US", "heart FAILURE", Set.of("hcp-8", "hcp-9", "hcp-1"), "e2"));
        assertEquals(Set.of(), ledger.speakersOn("US", "heart failure", Set.of("hcp-9"), "e1"), "not its own event");
        assertEquals(Set.of(), ledger.speakersOn("US", "lipids", Set.of("hcp-9"), null));
    }

    @Test
    void twoNodesWritingEventsForOneHcpAtOnceNeverBothTakeTheLastPlace() throws Exception {
        // The embedded database has one node (one ledger) and concurrent requests; PostgreSQL, a second node.
        EventLedger nodeB = ds instanceof JdbcDataSource ? ledger : new EventLedger(ds, Clock.fixed(NOW, ZoneOffset.UTC));
        ledger.allowed(write(Action.CREATE, "e0", EVENT, Map.of("eventType", "MEAL", "hcpAttendees", List.of("hcp-1"))));
        // A limit of 2 meals per HCP, decided as the policy does: from what the ledger holds for the other events.
        int limit = 2;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            EventLedger node = i % 2 == 0 ? ledger : nodeB;
            String id = "e" + i;
            done.add(pool.submit(() -> {
                go.await();
                Operation op = write(Action.CREATE, id, EVENT, Map.of("eventType", "MEAL",
                        "hcpAttendees", List.of("hcp-1")));
                try {
                    node.allowed(op, () -> {
                        int others = node.attendances("US", "MEAL", Set.of("hcp-1"), id)
                                .getOrDefault("hcp-1", List.of()).size();
                        try {
                            Thread.sleep(20); // the time a decision takes, during which the other node decides too
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return others + 1 > limit ? org.firewalldoors.api.host.Decision.block(
                                new org.firewalldoors.api.host.Refusal(org.firewalldoors.api.host.RefusalKind.FORBIDDEN,
                                        "x8.limit", "X8", "over the limit", null), "p", "1")
                                : org.firewalldoors.api.host.Decision.allow();
                    });
                    admitted.incrementAndGet();
                } catch (org.firewalldoors.api.host.OperationRefusedException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdownNow();
        assertEquals(1, admitted.get(), "one place was left");
        assertEquals(7, refused.get());
        assertEquals(2, ledger.attendances("US", "MEAL", Set.of("hcp-1"), null).get("hcp-1").size());
    }
}
