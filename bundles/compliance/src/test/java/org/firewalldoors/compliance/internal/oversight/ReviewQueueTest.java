package org.firewalldoors.compliance.internal.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review queue (X6): one open item per rule, actor and record, also when several nodes flag at once. */
class ReviewQueueTest {

    private DataSource ds;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:review-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void setUp() {
        ds = database();
    }

    private static ReviewItem flag(ReviewQueue q, String record) {
        return q.open("X6", "US", "rule.flag", "X6", "CallReport", record, "rep.us", "compliance.us", "flagged");
    }

    @Test
    void theSameFlagOpensOneItemUntilItIsClosed() {
        ReviewQueue q = new ReviewQueue(ds);
        ReviewItem first = flag(q, "r1");
        assertEquals(first.id(), flag(q, "r1").id());
        assertNotEquals(first.id(), flag(q, "r2").id(), "another record: another item");
        q.setStatus(first.id(), ReviewItem.CLOSED, "seen");
        ReviewItem again = flag(q, "r1");
        assertNotEquals(first.id(), again.id(), "after closing, the rule firing again opens a new item");
        assertEquals(again.id(), flag(q, "r1").id());
    }

    @Test
    void nodesFlaggingTheSameRecordAtOnceOpenOneItem() throws Exception {
        List<ReviewQueue> nodes = List.of(new ReviewQueue(ds), new ReviewQueue(ds), new ReviewQueue(ds));
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            for (int round = 0; round < 5; round++) {
                String record = "race-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ReviewItem>> opened = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    ReviewQueue node = nodes.get(i % 3);
                    opened.add(pool.submit(() -> {
                        go.await();
                        return flag(node, record);
                    }));
                }
                go.countDown();
                Set<String> ids = new java.util.HashSet<>();
                for (Future<ReviewItem> f : opened) {
                    ids.add(f.get().id());
                }
                assertEquals(1, ids.size(), "every node got the same item: " + ids);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, nodes.get(0).list("US", ReviewItem.OPEN).size());
    }

    @Test
    void aDatabaseWithDuplicateOpenItemsFromBeforeIsMigratedAndKeepsOneOpenPerKey() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : ReviewQueue.STEPS.get(0).statements()) {
                s.execute(sql);
            }
            for (String id : List.of("a", "b")) {
                s.execute("INSERT INTO review_item (id, created_at, region, rule, actor, record_id, status, "
                        + "updated_at) VALUES ('" + id + "', CURRENT_TIMESTAMP, 'US', 'rule.flag', 'rep.us', 'r1', "
                        + "'OPEN', CURRENT_TIMESTAMP)");
            }
        }
        ReviewQueue q = new ReviewQueue(ds);
        assertEquals(2, q.list("US", ReviewItem.OPEN).size(), "nothing that was there is lost");
        assertEquals("a", flag(q, "r1").id(), "the flag finds the oldest open item of its key");
        assertEquals(Set.of("a", "b"), q.list("US", null).stream().map(ReviewItem::id).collect(Collectors.toSet()));
    }
}
