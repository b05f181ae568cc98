package org.firewalldoors.host.internal.store;

import java.util.Hashtable;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The host's database as the one {@link DataSource} service every table owner uses, H2 or PostgreSQL alike. */
final class DatabaseService {

    /** The value of the {@code name} property of the registered data source. */
    static final String NAME = "firewalldoors";

    private DatabaseService() {
    }

    /**
     * Creates the host's tables, then registers the data source.
     *
     * @param where where the database is, without credentials: the service property {@code url}
     */
    static ServiceRegistration<DataSource> register(BundleContext context, DataSource dataSource, String database,
            String where) throws java.sql.SQLException {
        Schema.create(dataSource);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", NAME);
        props.put("database", database);
        props.put("url", where);
        return context.registerService(DataSource.class, dataSource, props);
    }

    /** @return the JDBC URL without its query string (where a password could have been put) */
    static String withoutParameters(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
