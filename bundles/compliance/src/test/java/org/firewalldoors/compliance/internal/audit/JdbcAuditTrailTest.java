package org.firewalldoors.compliance.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditVerification;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcAuditTrailTest {

    private static final int N = 10;
    private static final String CONTENT = "at, actor, action, record_type, record_id, region, outcome, rule_id, "
            + "requirement, policy_id, policy_version, message, old_values, new_values";

    private DataSource dataSource;
    private TickingClock clock;
    private JdbcAuditTrail trail;

    /** The database the tests run on: a fresh in-memory H2 here, PostgreSQL in the subclass. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void open() {
        dataSource = database();
        clock = new TickingClock();
        trail = new JdbcAuditTrail(dataSource, clock);
    }

    @Test
    void anEmptyTrailIsValid() {
        assertEquals(new AuditVerification(true, 0, null), trail.verify());
        assertEquals(List.of(), trail.list(null, 10));
    }

    @Test
    void appendsAChainOfEntriesStampedByTheClock() {
        List<AuditEntry> appended = appendN(N);
        String prev = "0".repeat(64);
        for (int i = 0; i < N; i++) {
            AuditEntry e = appended.get(i);
            assertEquals(i + 1, e.seq());
            assertEquals(prev, e.prevHash());
            assertTrue(e.hash().matches("[0-9a-f]{64}"), e.hash());
            assertEquals(clock.tick(i).truncatedTo(java.time.temporal.ChronoUnit.MICROS), e.at());
            assertEquals(event(i + 1), e.event());
            prev = e.hash();
        }
        assertEquals(appended, trail.list(null, 100));
        assertEquals(new AuditVerification(true, N, null), trail.verify());
    }

    static Stream<Arguments> edits() {
        List<String> edits = List.of(
                "message = 'Nothing to see here'",
                "old_values = REPLACE(old_values, 'draft', 'final')",
                "new_values = '{}'",
                "at = at - INTERVAL '1' SECOND",
                "at = at + INTERVAL '0.000001' SECOND",
                "actor = 'someone-else'",
                "outcome = 'FLAG'",
                "record_type = NULL",
                "rule_id = 'R-other'",
                "policy_version = '4'",
                "prev_hash = REPEAT('a', 64)",
                "hash = REPEAT('b', 64)");
        return Stream.of(1, 5, N).flatMap(seq -> edits.stream().map(edit -> Arguments.of(seq, edit)));
    }

    @ParameterizedTest(name = "entry {0}: {1}")
    @MethodSource("edits")
    void reportsAnEditedEntry(int seq, String edit) throws SQLException {
        appendN(N);
        assertEquals(1, sql("UPDATE audit_entry SET " + edit + " WHERE seq = " + seq));
        assertEquals(new AuditVerification(false, N, (long) seq), trail.verify());
    }

    @ParameterizedTest(name = "entry {0}")
    @ValueSource(ints = {1, 2, 5, N - 1})
    void reportsADeletedEntry(int seq) throws SQLException {
        appendN(N);
        assertEquals(1, sql("DELETE FROM audit_entry WHERE seq = " + seq));
        assertEquals(new AuditVerification(false, N - 1, (long) seq), trail.verify());
    }

    @Test
    void reportsTheLastEntryDeletedWhileTheServiceRuns() throws SQLException {
        appendN(N);
        sql("DELETE FROM audit_entry WHERE seq = " + N);
        assertEquals(new AuditVerification(false, N - 1, (long) N), trail.verify());
    }

    @Test
    void reportsEntriesWhoseContentWasSwapped() throws SQLException {
        appendN(N);
        swap(3, 7, CONTENT);
        assertEquals(new AuditVerification(false, N, 3L), trail.verify());
    }

    @Test
    void reportsEntriesSwappedWithTheirHashes() throws SQLException {
        appendN(N);
        swap(4, 5, CONTENT + ", prev_hash, hash");
        assertEquals(new AuditVerification(false, N, 4L), trail.verify());
    }

    @Test
    void reportsARenumberedEntry() throws SQLException {
        appendN(N);
        sql("UPDATE audit_entry SET seq = 99 WHERE seq = 6");
        assertEquals(new AuditVerification(false, N, 6L), trail.verify());
    }

    @Test
    void reportsATruncatedTailEvenAfterARestart() throws SQLException {
        appendN(N);
        sql("DELETE FROM audit_entry WHERE seq > " + (N - 3));
        JdbcAuditTrail restarted = new JdbcAuditTrail(dataSource, clock);
        assertEquals(new AuditVerification(false, N - 3, (long) N - 2), restarted.verify());
        restarted.append(event(99));
        assertEquals(false, restarted.verify().valid(), "appending after the cut does not hide it");
    }

    @Test
    void reportsAnEntryEditedAndReHashedAtThatEntry() throws SQLException {
        List<AuditEntry> entries = appendN(N);
        AuditEntry fourth = entries.get(3);
        // An attacker who edits entry 4 and recomputes its hash: entry 5 still names the original hash.
        sql("UPDATE audit_entry SET hash = '" + "ab".repeat(32) + "' WHERE seq = 4");
        assertEquals(new AuditVerification(false, N, 4L), trail.verify());
        sql("UPDATE audit_entry SET hash = '" + fourth.hash() + "' WHERE seq = 4");
        assertEquals(new AuditVerification(true, N, null), trail.verify());
        // The last entry has no successor: the anchor kept apart from the entries catches it.
        sql("UPDATE audit_entry SET hash = '" + "cd".repeat(32) + "' WHERE seq = " + N);
        assertEquals(new AuditVerification(false, N, (long) N), new JdbcAuditTrail(dataSource, clock).verify());
    }

    @Test
    void survivesReopening() {
        List<AuditEntry> before = appendN(3);
        JdbcAuditTrail reopened = new JdbcAuditTrail(dataSource, clock);
        AuditEntry fourth = reopened.append(event(4));
        AuditEntry fifth = reopened.append(event(5));
        assertEquals(4, fourth.seq());
        assertEquals(before.get(2).hash(), fourth.prevHash());
        assertEquals(fourth.hash(), fifth.prevHash());
        assertEquals(new AuditVerification(true, 5, null), reopened.verify());
        assertEquals(new AuditVerification(true, 5, null), new JdbcAuditTrail(dataSource, clock).verify());
        assertEquals(5, reopened.list(null, 100).size());
    }

    @Test
    void continuesAfterEntriesAnotherInstanceAppended() {
        JdbcAuditTrail other = new JdbcAuditTrail(dataSource, clock);
        trail.append(event(1));
        AuditEntry second = other.append(event(2));
        AuditEntry third = trail.append(event(3));
        assertEquals(2, second.seq());
        assertEquals(3, third.seq());
        assertEquals(second.hash(), third.prevHash());
        assertEquals(new AuditVerification(true, 3, null), trail.verify());
    }

    @Test
    void concurrentAppendsLeaveAGapFreeValidChain() throws Exception {
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Callable<List<Long>> task = () -> {
                start.await();
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    seqs.add(trail.append(event(thread * 1000 + i)).seq());
                }
                return seqs;
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        Set<Long> seqs = new java.util.TreeSet<>();
        for (Future<List<Long>> f : futures) {
            seqs.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        long total = (long) threads * each;
        assertEquals(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()), seqs);
        assertEquals(new AuditVerification(true, total, null), trail.verify());
        List<AuditEntry> listed = trail.list(null, 1000);
        for (int i = 1; i < listed.size(); i++) {
            assertEquals(listed.get(i - 1).hash(), listed.get(i).prevHash());
        }
    }

    /** Two nodes sharing one database (two instances here), each appending from several threads: one chain. */
    @Test
    void twoInstancesAppendingAtOnceWriteOneChain() throws Exception {
        JdbcAuditTrail[] nodes = { trail, new JdbcAuditTrail(dataSource, clock) };
        int threads = 6;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            JdbcAuditTrail node = nodes[t % 2];
            int thread = t;
            Callable<List<Long>> task = () -> {
                start.await();
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    seqs.add(node.append(event(thread * 1000 + i)).seq());
                }
                return seqs;
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<Long> seqs = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            seqs.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        long total = (long) threads * each;
        assertEquals(total, seqs.size());
        assertEquals(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()), Set.copyOf(seqs));
        assertEquals(new AuditVerification(true, total, null), nodes[0].verify());
        assertEquals(new AuditVerification(true, total, null), nodes[1].verify());
    }

    @Test
    void listsFromATimeOldestFirstUpToALimit() {
        List<AuditEntry> appended = appendN(5);
        assertEquals(appended.subList(2, 5), trail.list(appended.get(2).at(), 10));
        assertEquals(appended.subList(2, 4), trail.list(appended.get(2).at(), 2));
        assertEquals(appended.subList(0, 2), trail.list(null, 2));
        assertEquals(appended, trail.list(Instant.EPOCH, 10));
        assertEquals(List.of(), trail.list(appended.get(4).at().plusSeconds(1), 10));
        assertEquals(List.of(), trail.list(null, 0));
        assertThrows(IllegalArgumentException.class, () -> trail.list(null, -1));
    }

    @Test
    void capsTheListAtAThousand() {
        appendN(JdbcAuditTrail.MAX_LIST + 5);
        List<AuditEntry> listed = trail.list(null, Integer.MAX_VALUE);
        assertEquals(JdbcAuditTrail.MAX_LIST, listed.size());
        assertEquals(1, listed.get(0).seq());
    }

    @Test
    void keepsValuesOfAnyKindAndStillVerifies() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("count", 3);
        old.put("ratio", 0.25);
        old.put("flag", true);
        old.put("missing", null);
        old.put("when", Instant.parse("2024-05-01T10:15:30Z"));
        old.put("zone", ZoneOffset.UTC);
        old.put("tags", List.of("a", "b"));
        old.put("nested", Map.of("k", "v"));
        old.put("html", "<b>\"quoted\" & 'single' \u00e9\u200B</b>");
        AuditEntry entry = trail.append(new AuditEvent("u1", "UPDATE", null, null, null, "STEP", null, null, null,
                null, null, old, null));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("count", 3L);
        expected.put("ratio", 0.25);
        expected.put("flag", true);
        expected.put("missing", null);
        expected.put("when", "2024-05-01T10:15:30Z");
        expected.put("zone", "Z");
        expected.put("tags", List.of("a", "b"));
        expected.put("nested", Map.of("k", "v"));
        expected.put("html", "<b>\"quoted\" & 'single' \u00e9\u200B</b>");
        assertEquals(expected, entry.event().oldValues());
        assertEquals(Map.of(), entry.event().newValues());
        assertEquals(List.of(entry), trail.list(null, 10));
        assertTrue(trail.verify().valid());
    }

    @Test
    void offersNoWayToChangeOrRemoveAnEntry() {
        Set<String> methods = Arrays.stream(JdbcAuditTrail.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .map(Method::getName).collect(Collectors.toSet());
        assertEquals(Set.of("append", "list", "newest", "verify"), methods);
    }

    @Test
    void failsToAppendWhenTheDatabaseFails() throws SQLException {
        sql("DROP TABLE audit_entry");
        assertThrows(IllegalStateException.class, () -> trail.append(event(1)));
    }

    private List<AuditEntry> appendN(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(trail.append(event(i)));
        }
        return entries;
    }

    private static AuditEvent event(int i) {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("status", "draft");
        old.put("visits", (long) i);
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", "final");
        now.put("visits", (long) i + 1);
        return new AuditEvent("user-" + i, "UPDATE", "call_note", "rec-" + i, "EU", "STEP", "R-" + i, "X2",
                "policy-eu", "3", "Call note " + i + " finalised", old, now);
    }

    private int sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    /** Exchanges the given columns of two rows with plain SQL, as someone with database access could. */
    private void swap(long a, long b, String columns) throws SQLException {
        String[] names = columns.split(",\\s*");
        try (Connection c = dataSource.getConnection()) {
            Object[] rowA = row(c, a, columns, names.length);
            Object[] rowB = row(c, b, columns, names.length);
            String set = Arrays.stream(names).map(n -> n + " = ?").collect(Collectors.joining(", "));
            for (Object[] change : List.of(new Object[] {a, rowB}, new Object[] {b, rowA})) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET " + set + " WHERE seq = ?")) {
                    Object[] values = (Object[]) change[1];
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.setLong(values.length + 1, (Long) change[0]);
                    assertEquals(1, ps.executeUpdate());
                }
            }
        }
    }

    private static Object[] row(Connection c, long seq, String columns, int count) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + columns + " FROM audit_entry WHERE seq = " + seq)) {
            assertTrue(rs.next());
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = rs.getObject(i + 1);
            }
            return values;
        }
    }

    /** A clock that moves on by 1.5 ms and a few nanoseconds at every reading. */
    private static final class TickingClock extends Clock {
        private static final Instant START = Instant.parse("2025-03-01T08:00:00.123456789Z");
        private final AtomicLong readings = new AtomicLong();

        Instant tick(long n) {
            return START.plusNanos(n * 1_500_007L);
        }

        @Override
        public Instant instant() {
            return tick(readings.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
