package org.firewalldoors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** On the embedded H2; {@link SchemaMigrationsPostgresTest} runs the same on PostgreSQL. */
class SchemaMigrationsTest {

    static final List<Migration> STEPS = List.of(
            Migration.of(1, "notes", "CREATE TABLE IF NOT EXISTS note (id VARCHAR(64) PRIMARY KEY, body TEXT NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS note_body ON note(id)"),
            Migration.of(2, "note authors", "ALTER TABLE note ADD COLUMN IF NOT EXISTS author VARCHAR(128)"));

    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @Test
    void appliesEachStepOnceInOrder() throws SQLException {
        DataSource ds = database();
        assertEquals(STEPS, SchemaMigrations.apply(ds, "test.notes", STEPS));
        assertEquals(List.of(), SchemaMigrations.apply(ds, "test.notes", STEPS));
        sql(ds, "INSERT INTO note (id, body, author) VALUES ('n1', 'text', 'me')");
        try (Connection c = ds.getConnection()) {
            assertEquals(Set.of(1, 2), SchemaMigrations.applied(c, "test.notes"));
            assertEquals(Set.of(), SchemaMigrations.applied(c, "test.other"));
        }
    }

    @Test
    void appliesOnlyTheNewStepsToAnOlderSchema() throws SQLException {
        DataSource ds = database();
        assertEquals(STEPS.subList(0, 1), SchemaMigrations.apply(ds, "test.notes", STEPS.subList(0, 1)));
        assertEquals(STEPS.subList(1, 2), SchemaMigrations.apply(ds, "test.notes", STEPS));
    }

    @Test
    void adoptsTablesMadeBeforeVersioning() throws SQLException {
        DataSource ds = database();
        sql(ds, "CREATE TABLE note (id VARCHAR(64) PRIMARY KEY, body TEXT NOT NULL)");
        sql(ds, "INSERT INTO note (id, body) VALUES ('old', 'kept')");
        assertEquals(STEPS, SchemaMigrations.apply(ds, "test.notes", STEPS));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM note WHERE id = 'old' AND author IS NULL"));
    }

    @Test
    void keepsTheOwnersApart() throws SQLException {
        DataSource ds = database();
        SchemaMigrations.apply(ds, "test.notes", STEPS);
        List<Migration> other = List.of(Migration.of(1, "tags", "CREATE TABLE IF NOT EXISTS tag (name VARCHAR(64))"));
        assertEquals(other, SchemaMigrations.apply(ds, "test.tags", other));
        assertEquals(3, count(ds, "SELECT COUNT(*) FROM schema_version"));
    }

    @Test
    void refusesStepsOutOfOrder() {
        DataSource ds = database();
        List<Migration> gap = List.of(STEPS.get(1));
        assertThrows(IllegalArgumentException.class, () -> SchemaMigrations.apply(ds, "test.notes", gap));
    }

    @Test
    void recordsNoStepThatFailed() throws SQLException {
        DataSource ds = database();
        List<Migration> broken = List.of(STEPS.get(0), Migration.of(2, "broken", "ALTER TABLE nowhere ADD x INT"));
        assertThrows(SQLException.class, () -> SchemaMigrations.apply(ds, "test.notes", broken));
        // H2 kept step 1 (it commits each DDL statement); PostgreSQL kept nothing of the failed run.
        List<Migration> applied = SchemaMigrations.apply(ds, "test.notes", STEPS);
        assertEquals(STEPS.get(1), applied.get(applied.size() - 1));
    }

    /** Several nodes (here: connections on threads) starting at once apply each step once. */
    @Test
    void nodesStartingTogetherApplyEachStepOnce() throws Exception {
        DataSource ds = database();
        int nodes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Migration>>> runs = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Callable<List<Migration>> node = () -> {
                start.await();
                return SchemaMigrations.apply(ds, "test.notes", STEPS);
            };
            runs.add(pool.submit(node));
        }
        start.countDown();
        int applied = 0;
        for (Future<List<Migration>> run : runs) {
            applied += run.get(60, TimeUnit.SECONDS).size();
        }
        pool.shutdown();
        assertEquals(STEPS.size(), applied);
        assertEquals(STEPS.size(), count(ds, "SELECT COUNT(*) FROM schema_version WHERE owner = 'test.notes'"));
    }

    static void sql(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
