package org.firewalldoors.compliance.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.jdbc.Migration;
import org.firewalldoors.jdbc.SchemaMigrations;

/** The SQL of the {@code audit_entry} table: create, insert and read, and nothing that changes a row. */
final class AuditTable {

    static final String SELECT = """
            SELECT seq, at, actor, action, record_type, record_id, region, outcome, rule_id, requirement,
                   policy_id, policy_version, message, old_values, new_values, prev_hash, hash
            FROM audit_entry""";

    private AuditTable() {
    }

    /** The owner of the audit tables in {@code schema_version}. */
    static final String OWNER = "compliance.audit";

    /** The audit tables, versioned; SQL that H2 and PostgreSQL both run. */
    static final List<Migration> STEPS = List.of(Migration.of(1, "audit trail and its anchor", """
            CREATE TABLE IF NOT EXISTS audit_entry (
              seq BIGINT PRIMARY KEY,
              at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
              actor VARCHAR NOT NULL,
              action VARCHAR NOT NULL,
              record_type VARCHAR,
              record_id VARCHAR,
              region VARCHAR,
              outcome VARCHAR NOT NULL,
              rule_id VARCHAR,
              requirement VARCHAR,
              policy_id VARCHAR,
              policy_version VARCHAR,
              message TEXT,
              old_values TEXT NOT NULL,
              new_values TEXT NOT NULL,
              prev_hash CHAR(64) NOT NULL,
              hash CHAR(64) NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS audit_entry_at ON audit_entry(at)",
            "CREATE INDEX IF NOT EXISTS audit_entry_region ON audit_entry(region, seq)",
            // The head of the chain, kept apart from the entries, so that a cut-off tail is noticed.
            "CREATE TABLE IF NOT EXISTS audit_anchor (id INT PRIMARY KEY, seq BIGINT NOT NULL, hash CHAR(64) NOT NULL)"));

    static void create(DataSource dataSource) throws SQLException {
        SchemaMigrations.apply(dataSource, OWNER, STEPS);
    }

    static void insert(Connection c, AuditRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_entry (seq, at, actor, action, record_type, record_id, region, outcome, rule_id,
                  requirement, policy_id, policy_version, message, old_values, new_values, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, r.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
            ps.setString(3, r.actor());
            ps.setString(4, r.action());
            ps.setString(5, r.recordType());
            ps.setString(6, r.recordId());
            ps.setString(7, r.region());
            ps.setString(8, r.outcome());
            ps.setString(9, r.rule());
            ps.setString(10, r.requirement());
            ps.setString(11, r.policyId());
            ps.setString(12, r.policyVersion());
            ps.setString(13, r.message());
            ps.setString(14, r.oldValues());
            ps.setString(15, r.newValues());
            ps.setString(16, r.prevHash());
            ps.setString(17, r.hash());
            ps.executeUpdate();
        }
    }

    /** Moves the anchor to the entry: an update, else (the first entry) an insert, as H2 and PostgreSQL both run. */
    static void anchor(Connection c, AuditRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_anchor SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, r.seq());
            ps.setString(2, r.hash());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        // Two first appends at once: one of them fails on the key and is retried (JdbcAuditTrail).
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_anchor (id, seq, hash) VALUES (1, ?, ?)")) {
            ps.setLong(1, r.seq());
            ps.setString(2, r.hash());
            ps.executeUpdate();
        }
    }

    /**
     * Locks the anchor's row until the transaction ends, so that appends from every node that shares the
     * database come one after the other.
     *
     * @return the anchored head {seq, hash}, or null when the trail has none yet (nothing is locked then)
     */
    static Object[] lockAnchor(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_anchor WHERE id = 1 FOR UPDATE")) {
            return rs.next() ? new Object[] { rs.getLong(1), rs.getString(2) } : null;
        }
    }

    /** @return the anchored head {seq, hash}, or null when the trail has none yet */
    static Object[] readAnchor(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_anchor WHERE id = 1")) {
            return rs.next() ? new Object[] { rs.getLong(1), rs.getString(2) } : null;
        }
    }

    static AuditRow read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        return new AuditRow(rs.getLong(1), at == null ? null : at.toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17));
    }
}
