package org.firewalldoors.jdbc;

import javax.sql.DataSource;

/** {@link SchemaMigrationsTest} on PostgreSQL, each test in a fresh schema. */
class SchemaMigrationsPostgresTest extends SchemaMigrationsTest {

    @Override
    DataSource database() {
        return TestPostgres.freshSchema();
    }
}
