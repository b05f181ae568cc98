package org.firewalldoors.host.internal.http;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.jdbc.Migration;
import org.firewalldoors.jdbc.SchemaMigrations;

/**
 * The tables of browser sessions and sign-in failures (owner {@code host.sessions}), in the host's database so
 * that every host node sharing it sees the same sessions and counts the same failures. SQL that H2 and
 * PostgreSQL both run. A session is kept by the SHA-256 hash of its token, never the token itself.
 */
final class SignInTables {

    static final String OWNER = "host.sessions";

    static final List<Migration> STEPS = List.of(Migration.of(1, "browser sessions and sign-in failures",
            """
            CREATE TABLE IF NOT EXISTS web_session (token_hash VARCHAR(64) PRIMARY KEY,
            user_id VARCHAR(128) NOT NULL, business_function VARCHAR(16) NOT NULL, user_role VARCHAR(64),
            region VARCHAR(32), manager VARCHAR(128), started_at TIMESTAMP WITH TIME ZONE NOT NULL,
            last_used TIMESTAMP WITH TIME ZONE NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS web_session_last_used ON web_session(last_used)",
            """
            CREATE TABLE IF NOT EXISTS sign_in_failure (user_key VARCHAR(256) NOT NULL,
            address VARCHAR(64) NOT NULL, failures INT NOT NULL, last_at TIMESTAMP WITH TIME ZONE NOT NULL,
            until_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (user_key, address))"""));

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private SignInTables() {
    }

    static void create(DataSource ds) {
        try {
            SchemaMigrations.apply(ds, OWNER, STEPS);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the tables of " + OWNER + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work in one transaction; a database failure is an {@link IllegalStateException} (a 500). */
    static <T> T transaction(DataSource ds, Work<T> work) {
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
            throw new IllegalStateException("sign-in database failure: " + e.getMessage(), e);
        }
    }

    /** Runs work that needs no transaction (one statement, or statements each complete on its own): one round trip each. */
    static <T> T statement(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in database failure: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
