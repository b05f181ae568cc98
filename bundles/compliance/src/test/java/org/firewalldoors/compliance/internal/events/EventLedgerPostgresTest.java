package org.firewalldoors.compliance.internal.events;

import javax.sql.DataSource;
import org.firewalldoors.jdbc.TestPostgres;

/** {@link EventLedgerTest} on PostgreSQL, each test in a fresh schema (skipped without a server, see TestPostgres). */
class EventLedgerPostgresTest extends EventLedgerTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
