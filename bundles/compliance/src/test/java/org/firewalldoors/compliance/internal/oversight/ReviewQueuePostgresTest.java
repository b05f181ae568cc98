package org.firewalldoors.compliance.internal.oversight;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link ReviewQueueTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class ReviewQueuePostgresTest extends ReviewQueueTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
