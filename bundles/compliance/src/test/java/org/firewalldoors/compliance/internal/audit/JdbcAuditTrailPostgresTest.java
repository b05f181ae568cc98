package org.firewalldoors.compliance.internal.audit;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link JdbcAuditTrailTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class JdbcAuditTrailPostgresTest extends JdbcAuditTrailTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
