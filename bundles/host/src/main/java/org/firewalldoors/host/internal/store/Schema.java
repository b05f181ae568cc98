package org.firewalldoors.host.internal.store;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.firewalldoors.jdbc.Migration;
import org.firewalldoors.jdbc.SchemaMigrations;

/** The record tables of the host, versioned (owner {@code host.records}); SQL that H2 and PostgreSQL both run. */
final class Schema {

    static final String OWNER = "host.records";

    static final List<Migration> STEPS = List.of(
            Migration.of(1, "records and shares", """
                    CREATE TABLE IF NOT EXISTS crm_record (
                      id VARCHAR(64) PRIMARY KEY,
                      type VARCHAR(64) NOT NULL,
                      owner VARCHAR(128) NOT NULL,
                      region VARCHAR(32) NOT NULL,
                      version BIGINT NOT NULL,
                      created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      fields TEXT NOT NULL)""",
                    "CREATE INDEX IF NOT EXISTS crm_record_type_region ON crm_record(type, region)",
                    "CREATE INDEX IF NOT EXISTS crm_record_created ON crm_record(type, region, created_at, id)",
                    "CREATE INDEX IF NOT EXISTS crm_record_export ON crm_record(type, region, updated_at, id)",
                    """
                    CREATE TABLE IF NOT EXISTS crm_share (
                      record_id VARCHAR(64) NOT NULL,
                      recipient VARCHAR(128) NOT NULL,
                      shared_by VARCHAR(128) NOT NULL,
                      shared_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      PRIMARY KEY (record_id, recipient))"""),
            // When each field last changed (FieldStamps); absent in databases of earlier versions.
            Migration.of(2, "field stamps", "ALTER TABLE crm_record ADD COLUMN IF NOT EXISTS field_stamps TEXT"));

    private Schema() {
    }

    static void create(DataSource dataSource) throws SQLException {
        SchemaMigrations.apply(dataSource, OWNER, STEPS);
    }
}
