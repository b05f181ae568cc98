package org.firewalldoors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The databases the bundles run on; what little differs between them is decided on this. */
public enum Dialect {
    /** The embedded default. */
    H2,
    /** The production store. */
    POSTGRESQL,
    /** Anything else: treated as standard SQL. */
    OTHER;

    /** SQLState of a unique or primary key violation, on both databases. */
    public static final String DUPLICATE_KEY = "23505";

    /** @return the dialect of the database behind the connection */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        return "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
    }
}
