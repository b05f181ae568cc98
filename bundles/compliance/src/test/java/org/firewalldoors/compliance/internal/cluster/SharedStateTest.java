package org.firewalldoors.compliance.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry.SharedDocument;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** What host nodes on one database share: policy documents and region settings, changes numbered in commit order. */
class SharedStateTest {

    private DataSource ds;
    private SharedState nodeA;
    private SharedState nodeB;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void setUp() {
        ds = database();
        nodeA = new SharedState(ds, Clock.systemUTC());
        nodeB = new SharedState(ds, Clock.systemUTC()); // a second node starting on the same database
    }

    private static SharedDocument doc(String version) {
        return new SharedDocument("us", "org.firewalldoors.policy.us", Version.parseVersion(version), "policy/us.json",
                "{\"id\": \"us\", \"version\": \"" + version + "\"}");
    }

    @Test
    void aPolicyDocumentSharedByOneNodeIsReadByTheOtherWhenTheCounterMoves() {
        long before = nodeB.generation();
        assertTrue(nodeA.publish(doc("1.1.0")));
        assertTrue(nodeB.generation() > before, "the one cheap query a node polls shows that something changed");
        List<SharedDocument> seen = nodeB.read().policies();
        assertEquals(List.of(doc("1.1.0")), seen);
    }

    @Test
    void theSameDocumentSharedAgainByAnotherNodeChangesNothing() {
        assertTrue(nodeA.publish(doc("1.0.0")));
        long generation = nodeA.generation();
        assertFalse(nodeB.publish(doc("1.0.0")), "every node shares the policy bundle it ships: one row");
        assertEquals(generation, nodeB.generation(), "nobody is made to read again");
        assertEquals(1, nodeB.read().policies().size());
    }

    @Test
    void aWithdrawnBundleVersionIsNoLongerShared() {
        nodeA.publish(doc("1.0.0"));
        nodeA.publish(doc("1.1.0"));
        nodeB.withdraw("org.firewalldoors.policy.us", Version.parseVersion("1.1.0"));
        assertEquals(List.of(doc("1.0.0")), nodeA.read().policies());
    }

    @Test
    void theLaterRegionChangeHasTheHigherNumberAndIsWhatEveryNodeReads() {
        SharedState.Region first = nodeA.publish("US", List.of("compliance", "handoff"), "us", false);
        SharedState.Region second = nodeB.publish("US", List.of("compliance"), "us", false);
        assertTrue(second.generation() > first.generation());
        SharedState.Region read = nodeA.read().regions().get("US");
        assertEquals(List.of("compliance"), read.modules());
        assertEquals(second.generation(), read.generation());
        SharedState.Region deleted = nodeA.publish("US", List.of(), null, true);
        assertTrue(nodeB.read().regions().get("US").deleted());
        assertTrue(deleted.generation() > second.generation());
    }

    @Test
    void changesMadeAtOnceOnSeveralNodesGetDistinctNumbersAndTheHighestIsKept() throws Exception {
        List<SharedState> nodes = List.of(nodeA, nodeB, new SharedState(ds, Clock.systemUTC()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SharedState.Region>> made = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                SharedState node = nodes.get(i % 3);
                String policy = "p" + i;
                made.add(pool.submit(() -> {
                    go.await();
                    return node.publish("EU", List.of("compliance"), policy, false);
                }));
            }
            go.countDown();
            java.util.Set<Long> numbers = new java.util.HashSet<>();
            SharedState.Region highest = null;
            for (Future<SharedState.Region> f : made) {
                SharedState.Region r = f.get();
                assertTrue(numbers.add(r.generation()), "two changes with number " + r.generation());
                if (highest == null || r.generation() > highest.generation()) {
                    highest = r;
                }
            }
            SharedState.Region stored = nodeA.read().regions().get("EU");
            assertEquals(highest.policy(), stored.policy(), "the change numbered last is the one stored");
            assertEquals(highest.generation(), stored.generation());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeReadsTheTextOfADocumentOnlyWhenItAsksForIt() {
        nodeA.publish(doc("1.0.0"));
        nodeA.publish(doc("1.1.0"));
        List<SharedDocument> seen = nodeB.read(d -> d.bundleVersion().equals(Version.parseVersion("1.1.0"))).policies();
        assertEquals(2, seen.size(), "every document is listed");
        assertEquals(null, seen.get(0).json(), "the one the node has already comes without its text");
        assertEquals(doc("1.1.0"), seen.get(1));
    }
}
