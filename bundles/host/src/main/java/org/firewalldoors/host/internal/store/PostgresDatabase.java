package org.firewalldoors.host.internal.store;

import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.jdbc.ConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * With {@code database=postgresql}: opens the PostgreSQL database of {@code jdbcUrl} through the OSGi JDBC
 * {@link DataSourceFactory} that the PostgreSQL JDBC driver bundle (pgjdbc) registers, keeps a bounded pool of
 * connections to it, brings the schema up to date and offers it as the {@link DataSource} named
 * {@code firewalldoors}, exactly as {@link H2Database} offers the embedded one. Several host nodes may share
 * the database. The password is handed to the driver only: it is never logged nor registered.
 */
@Component(service = {}, configurationPid = HostConfiguration.PID)
public final class PostgresDatabase {

    private static final System.Logger LOG = System.getLogger(PostgresDatabase.class.getName());

    private final ConnectionPool pool;
    private final ServiceRegistration<DataSource> registration;

    @Activate
    public PostgresDatabase(BundleContext context, HostConfiguration config,
            @Reference(target = "(osgi.jdbc.driver.class=org.postgresql.Driver)") DataSourceFactory factory)
            throws SQLException {
        if (config.database() == null || !HostConfiguration.POSTGRESQL.equals(config.database().trim())) {
            this.pool = null;
            this.registration = null;
            return;
        }
        String url = config.jdbcUrl().trim();
        String where = DatabaseService.withoutParameters(url);
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        props.setProperty(DataSourceFactory.JDBC_USER, config.jdbcUser());
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.jdbcPassword());
        // Seen in pg_stat_activity, so that an operator knows whose connections these are.
        props.setProperty("ApplicationName", "firewalldoors");
        ConnectionPool opened = new ConnectionPool(factory.createConnectionPoolDataSource(props),
                Math.max(1, config.jdbcMaxConnections()));
        try {
            this.registration = DatabaseService.register(context, opened, HostConfiguration.POSTGRESQL, where);
        } catch (SQLException | RuntimeException e) {
            opened.close();
            LOG.log(System.Logger.Level.ERROR, "cannot open the CRM database at {0} as {1}: {2}", where,
                    config.jdbcUser(), e.getMessage());
            throw e;
        }
        this.pool = opened;
        LOG.log(System.Logger.Level.INFO, "CRM database at {0} as {1} (PostgreSQL, up to {2} connections)", where,
                config.jdbcUser(), Math.max(1, config.jdbcMaxConnections()));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            pool.close();
        }
    }
}
