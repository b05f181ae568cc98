package org.firewalldoors.compliance.internal.cluster;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link SharedStateTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class SharedStatePostgresTest extends SharedStateTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
