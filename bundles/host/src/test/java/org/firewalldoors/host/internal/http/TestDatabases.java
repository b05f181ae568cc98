package org.firewalldoors.host.internal.http;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh databases for the tests of the sign-in tables. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** @return a fresh in-memory H2 database, kept while the JVM runs */
    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:signin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
