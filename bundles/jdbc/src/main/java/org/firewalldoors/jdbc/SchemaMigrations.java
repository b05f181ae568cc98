package org.firewalldoors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings the tables of one owner (a bundle's group of tables, such as {@code compliance.audit}) to the
 * newest version of its steps, in a database that several owners and several host nodes share. Table
 * {@code schema_version} keeps one row per owner and step applied. A step runs once; at every start the
 * steps already applied are skipped. On PostgreSQL, the check and the steps run in one transaction under
 * an advisory lock, so that two nodes starting at the same time apply each step once and never see a
 * half-made schema. An embedded H2 database is opened by one process only, and H2 commits each DDL
 * statement on its own, so there the steps of this copy of the class are serialised in the JVM instead.
 */
public final class SchemaMigrations {

    /** The table of applied steps. */
    public static final String TABLE = "schema_version";

    /** The key of the PostgreSQL advisory lock held while migrating (any owner). */
    static final long LOCK_KEY = 0x46574453_4348454DL; // "FWDSCHEM"

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());
    private static final Object EMBEDDED_LOCK = new Object();

    private SchemaMigrations() {
    }

    /**
     * Applies the steps of the owner that the database does not have yet, in order.
     *
     * @param dataSource the shared database
     * @param owner who owns the tables, e.g. {@code host.records}
     * @param steps the owner's steps, numbered 1, 2, 3...
     * @return the steps applied now (none when the schema was up to date)
     * @throws SQLException if a step fails; nothing of the failed run is kept on PostgreSQL
     */
    public static List<Migration> apply(DataSource dataSource, String owner, List<Migration> steps)
            throws SQLException {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalArgumentException(owner + ": step " + (i + 1) + " is numbered "
                        + steps.get(i).version());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            if (Dialect.of(c) == Dialect.POSTGRESQL) {
                return migrate(c, owner, steps, true);
            }
            synchronized (EMBEDDED_LOCK) {
                return migrate(c, owner, steps, false);
            }
        }
    }

    private static List<Migration> migrate(Connection c, String owner, List<Migration> steps, boolean postgres)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (postgres) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.executeQuery().close();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (owner VARCHAR(64) NOT NULL, "
                        + "version INT NOT NULL, description VARCHAR(256) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (owner, version))");
            }
            Set<Integer> applied = applied(c, owner);
            List<Migration> missing = steps.stream().filter(m -> !applied.contains(m.version())).toList();
            for (Migration m : missing) {
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                record(c, owner, m);
                LOG.log(System.Logger.Level.INFO, "schema {0} at version {1}: {2}", owner, m.version(),
                        m.description());
            }
            int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newest > steps.size()) {
                LOG.log(System.Logger.Level.WARNING, "schema {0} is at version {1}, newer than this "
                        + "software knows ({2}): a newer version of it ran on this database", owner, newest,
                        steps.size());
            }
            c.commit();
            return missing;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** @return the versions of the owner's steps recorded as applied */
    public static Set<Integer> applied(Connection c, String owner) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE owner = ?")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        return versions;
    }

    private static void record(Connection c, String owner, Migration m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + TABLE + " (owner, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, owner);
            s.setInt(2, m.version());
            s.setString(3, m.description());
            s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }
}
