package org.firewalldoors.host.internal.store;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link JdbcRecordStoreTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class JdbcRecordStorePostgresTest extends JdbcRecordStoreTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
