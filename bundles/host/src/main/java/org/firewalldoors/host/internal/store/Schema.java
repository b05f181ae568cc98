package org.firewalldoors.host.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The host's tables, created when absent. */
final class Schema {

    private Schema() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS crm_record (
                      id VARCHAR(64) PRIMARY KEY,
                      type VARCHAR(64) NOT NULL,
                      owner VARCHAR(128) NOT NULL,
                      region VARCHAR(32) NOT NULL,
                      version BIGINT NOT NULL,
                      created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      fields CLOB NOT NULL)""");
            // When each field last changed (FieldStamps); absent in databases of earlier versions.
            s.execute("ALTER TABLE crm_record ADD COLUMN IF NOT EXISTS field_stamps CLOB");
            s.execute("CREATE INDEX IF NOT EXISTS crm_record_type_region ON crm_record(type, region)");
            s.execute("CREATE INDEX IF NOT EXISTS crm_record_created ON crm_record(type, region, created_at, id)");
            s.execute("CREATE INDEX IF NOT EXISTS crm_record_export ON crm_record(type, region, updated_at, id)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS crm_share (
                      record_id VARCHAR(64) NOT NULL,
                      recipient VARCHAR(128) NOT NULL,
                      shared_by VARCHAR(128) NOT NULL,
                      shared_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      PRIMARY KEY (record_id, recipient))""");
        }
    }
}
