package org.firewalldoors.host.internal.http;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link SignInThrottleTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class SignInThrottlePostgresTest extends SignInThrottleTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
