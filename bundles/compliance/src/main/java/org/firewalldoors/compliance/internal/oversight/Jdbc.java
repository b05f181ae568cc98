package org.firewalldoors.compliance.internal.oversight;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.jdbc.Migration;
import org.firewalldoors.jdbc.SchemaMigrations;

/** One transaction on the host's database, for the compliance bundle's own tables. */
public final class Jdbc {

    /** Work done on one connection inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** @return the result of the work */
        T run(Connection c) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T transaction(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("compliance database failure: " + e.getMessage(), e);
        }
    }

    /** Brings an owner's tables to the newest of its steps (SchemaMigrations), at a component's start. */
    public static void migrate(DataSource ds, String owner, List<Migration> steps) {
        try {
            SchemaMigrations.apply(ds, owner, steps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the tables of " + owner + ": " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
