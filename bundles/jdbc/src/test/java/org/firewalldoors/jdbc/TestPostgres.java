package org.firewalldoors.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * The PostgreSQL server that tests of SQL run on: the one named by the environment variables
 * {@code FIREWALLDOORS_PG_URL} (a {@code jdbc:postgresql:} URL), {@code FIREWALLDOORS_PG_USER} and
 * {@code FIREWALLDOORS_PG_PASSWORD}, which {@code .ci/run} (through {@code itests/hosts/postgres-server.sh})
 * sets for the server it starts. Without them a test is skipped with a message saying so; under CI
 * ({@code CI=true}) it fails instead, so that the PostgreSQL suites can never pass by not running.
 */
public final class TestPostgres {

    /** The environment variable with the server's JDBC URL. */
    public static final String URL = "FIREWALLDOORS_PG_URL";

    private TestPostgres() {
    }

    /**
     * A fresh, empty schema on the test server, as a data source whose connections use it.
     * Skips the calling test when no server is configured (fails it under CI).
     */
    public static DataSource freshSchema() {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            String message = "no PostgreSQL server for the tests: set " + URL + " (and FIREWALLDOORS_PG_USER, "
                    + "FIREWALLDOORS_PG_PASSWORD), e.g. with `source itests/hosts/postgres-server.sh` (see README)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = dataSource(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the PostgreSQL server of the tests at " + url, e);
        }
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setUrl(url);
        credentials(ds);
        ds.setCurrentSchema(schema);
        // Pooled, as in the product: a new connection costs the server a process and a password check.
        return new ConnectionPool(ds, 12);
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        credentials(ds);
        return ds;
    }

    private static void credentials(BaseDataSource ds) {
        String user = System.getenv("FIREWALLDOORS_PG_USER");
        if (user != null) {
            ds.setUser(user);
        }
        String password = System.getenv("FIREWALLDOORS_PG_PASSWORD");
        if (password != null) {
            ds.setPassword(password);
        }
    }
}
