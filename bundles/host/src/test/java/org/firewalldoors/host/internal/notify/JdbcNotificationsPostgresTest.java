package org.firewalldoors.host.internal.notify;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link JdbcNotificationsTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class JdbcNotificationsPostgresTest extends JdbcNotificationsTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
