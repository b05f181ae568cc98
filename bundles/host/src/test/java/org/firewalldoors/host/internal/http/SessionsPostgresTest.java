package org.firewalldoors.host.internal.http;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link SessionsTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class SessionsPostgresTest extends SessionsTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
