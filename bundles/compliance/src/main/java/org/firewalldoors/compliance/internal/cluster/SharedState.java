package org.firewalldoors.compliance.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.firewalldoors.compliance.internal.decide.PolicyRegistry.SharedDocument;
import org.firewalldoors.compliance.internal.oversight.Jdbc;
import org.firewalldoors.jdbc.Dialect;
import org.firewalldoors.jdbc.Migration;
import org.osgi.framework.Version;

/**
 * What the host nodes sharing one database share besides records (owner {@code compliance.cluster}): the policy
 * documents their bundles loaded (table {@code shared_policy}) and the settings of each region
 * ({@code shared_region}). Every change takes the next number of one counter ({@code cluster_generation}) under
 * the counter row's lock, so that changes are numbered in the order they commit: a node polls the counter, reads
 * what changed when it moved, and applies a region's settings only when their number is above the one it applied
 * last, so an older change never wins over a newer one. SQL that H2 and PostgreSQL both run.
 */
public final class SharedState {

    /** The owner of the tables in {@code schema_version}. */
    static final String OWNER = "compliance.cluster";

    static final List<Migration> STEPS = List.of(Migration.of(1, "policies and regions shared by host nodes",
            "CREATE TABLE IF NOT EXISTS cluster_generation (id INT PRIMARY KEY, generation BIGINT NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS shared_policy (policy_id VARCHAR(128) NOT NULL, bundle VARCHAR(256) NOT NULL,
            bundle_version VARCHAR(128) NOT NULL, document_name VARCHAR(256) NOT NULL, document TEXT NOT NULL,
            generation BIGINT NOT NULL, published_at TIMESTAMP WITH TIME ZONE NOT NULL,
            PRIMARY KEY (bundle, bundle_version, document_name))""",
            """
            CREATE TABLE IF NOT EXISTS shared_region (code VARCHAR(32) PRIMARY KEY, modules VARCHAR(512) NOT NULL,
            policy VARCHAR(128), deleted BOOLEAN NOT NULL, generation BIGINT NOT NULL,
            changed_at TIMESTAMP WITH TIME ZONE NOT NULL)"""));

    /**
     * The settings of a region as shared.
     *
     * @param code the upper-case region code
     * @param modules the modules switched on
     * @param policy the policy the region runs
     * @param deleted whether the region's configuration was deleted
     * @param generation the number of the change that made them
     */
    public record Region(String code, List<String> modules, String policy, boolean deleted, long generation) {
        /** @return whether these are the same settings, whatever their number */
        boolean sameSettings(List<String> otherModules, String otherPolicy, boolean otherDeleted) {
            return deleted == otherDeleted && (deleted || (modules.equals(otherModules)
                    && java.util.Objects.equals(policy, otherPolicy)));
        }
    }

    /** Everything shared, as of one generation. */
    public record Snapshot(long generation, List<SharedDocument> policies, Map<String, Region> regions) {
    }

    private final DataSource ds;
    private final Clock clock;

    /** Brings the tables up to date. */
    public SharedState(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
        Jdbc.migrate(ds, OWNER, STEPS);
        try {
            Jdbc.transaction(ds, c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO cluster_generation (id, generation) VALUES (1, 0)")) {
                    return s.executeUpdate();
                }
            });
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || !Dialect.DUPLICATE_KEY.equals(sql.getSQLState())) {
                throw e;
            }
        }
    }

    /** @return the number of the newest change: one cheap query, what a node polls */
    public long generation() {
        return Jdbc.transaction(ds, SharedState::generation);
    }

    private static long generation(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT generation FROM cluster_generation WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("cluster_generation has no row");
            }
            return rs.getLong(1);
        }
    }

    /** Takes the next number, holding the counter's row lock until the transaction ends. */
    private static long next(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE cluster_generation SET generation = generation + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        return generation(c);
    }

    /**
     * Shares a policy document a bundle of this node loaded; a document already shared (same bundle, version and
     * name) is left as it is.
     *
     * @return whether it was new
     */
    public boolean publish(SharedDocument d) {
        return Jdbc.transaction(ds, c -> {
            long generation = next(c); // serialises publishers: no two insert the same key at once
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM shared_policy WHERE bundle = ? "
                    + "AND bundle_version = ? AND document_name = ?")) {
                s.setString(1, d.bundle());
                s.setString(2, d.bundleVersion().toString());
                s.setString(3, d.document());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        c.rollback(); // the counter stays where it was
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shared_policy (policy_id, bundle, "
                    + "bundle_version, document_name, document, generation, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, d.policyId());
                s.setString(2, d.bundle());
                s.setString(3, d.bundleVersion().toString());
                s.setString(4, d.document());
                s.setString(5, d.json());
                s.setLong(6, generation);
                s.setObject(7, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Stops sharing the documents of a bundle version (its bundle was uninstalled). */
    public void withdraw(String bundle, Version version) {
        Jdbc.transaction(ds, c -> {
            next(c);
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM shared_policy WHERE bundle = ? AND bundle_version = ?")) {
                s.setString(1, bundle);
                s.setString(2, version.toString());
                return s.executeUpdate();
            }
        });
    }

    /**
     * Shares a change of a region's settings made on this node.
     *
     * @return the change as shared, with its number
     */
    public Region publish(String code, List<String> modules, String policy, boolean deleted) {
        return Jdbc.transaction(ds, c -> {
            long generation = next(c);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE shared_region SET modules = ?, policy = ?, "
                    + "deleted = ?, generation = ?, changed_at = ? WHERE code = ?")) {
                bind(s, modules, policy, deleted, generation, now, code);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO shared_region (modules, policy, deleted, "
                        + "generation, changed_at, code) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(s, modules, policy, deleted, generation, now, code);
                    s.executeUpdate();
                }
            }
            return new Region(code, List.copyOf(modules), policy, deleted, generation);
        });
    }

    private static void bind(PreparedStatement s, List<String> modules, String policy, boolean deleted,
            long generation, OffsetDateTime now, String code) throws SQLException {
        s.setString(1, String.join(",", modules));
        s.setString(2, policy);
        s.setBoolean(3, deleted);
        s.setLong(4, generation);
        s.setObject(5, now);
        s.setString(6, code);
    }

    /** @return everything shared, read in one transaction, every policy document with its text */
    public Snapshot read() {
        return read(d -> true);
    }

    /**
     * @param withText which policy documents to read the text of (the others come without, {@code json} null):
     *        a node reads the text of a document once, the first time it sees it
     * @return everything shared, read in one transaction
     */
    public Snapshot read(java.util.function.Predicate<SharedDocument> withText) {
        return Jdbc.transaction(ds, c -> {
            long generation = generation(c);
            List<SharedDocument> policies = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT policy_id, bundle, bundle_version, document_name "
                    + "FROM shared_policy ORDER BY generation");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    policies.add(new SharedDocument(rs.getString(1), rs.getString(2), Version.parseVersion(rs.getString(3)),
                            rs.getString(4), null));
                }
            }
            for (int i = 0; i < policies.size(); i++) {
                SharedDocument d = policies.get(i);
                if (!withText.test(d)) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("SELECT document FROM shared_policy WHERE bundle = ? "
                        + "AND bundle_version = ? AND document_name = ?")) {
                    s.setString(1, d.bundle());
                    s.setString(2, d.bundleVersion().toString());
                    s.setString(3, d.document());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            policies.set(i, new SharedDocument(d.policyId(), d.bundle(), d.bundleVersion(), d.document(),
                                    rs.getString(1)));
                        }
                    }
                }
            }
            Map<String, Region> regions = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT code, modules, policy, deleted, generation FROM shared_region ORDER BY code");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String modules = rs.getString(2);
                    regions.put(rs.getString(1), new Region(rs.getString(1),
                            modules.isEmpty() ? List.of() : List.of(modules.split(",")), rs.getString(3),
                            rs.getBoolean(4), rs.getLong(5)));
                }
            }
            return new Snapshot(generation, List.copyOf(policies), regions);
        });
    }
}
