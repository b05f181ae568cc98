package org.firewalldoors.host.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.firewalldoors.host.internal.HostConfiguration;
import org.firewalldoors.host.internal.HostHome;
import org.firewalldoors.jdbc.ConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * With {@code database=h2} (the default): opens the host's embedded H2 database through the OSGi JDBC
 * {@link DataSourceFactory} that the H2 bundle registers, brings the schema up to date, and offers the
 * database to the host's other components (and to plugins that keep their own tables, such as the audit
 * trail) as a {@link DataSource} service named {@code firewalldoors}. With another value it opens nothing:
 * {@link PostgresDatabase} does for {@code postgresql}, and for an unknown value no database is offered
 * (and nothing that needs one runs).
 */
@Component(service = {}, configurationPid = HostConfiguration.PID)
@Designate(ocd = HostConfiguration.class)
public final class H2Database {

    /** The value of the {@code name} property of the registered data source. */
    public static final String NAME = DatabaseService.NAME;

    private static final System.Logger LOG = System.getLogger(H2Database.class.getName());

    private final ConnectionPool pool;
    private final DataSource dataSource;
    private final ServiceRegistration<DataSource> registration;

    @Activate
    public H2Database(BundleContext context, HostConfiguration config,
            @Reference(target = "(osgi.jdbc.driver.class=org.h2.Driver)") DataSourceFactory factory)
            throws SQLException, IOException {
        String database = config.database() == null ? HostConfiguration.H2 : config.database().trim();
        if (!HostConfiguration.H2.equals(database)) {
            if (!HostConfiguration.POSTGRESQL.equals(database)) {
                LOG.log(System.Logger.Level.ERROR, "unknown database ''{0}'' in {1}: use h2 or postgresql; "
                        + "no database is opened", database, HostConfiguration.PID);
            }
            this.pool = null;
            this.dataSource = null;
            this.registration = null;
            return;
        }
        Path dir = HostHome.resolve(context, config.dataDirectory());
        Files.createDirectories(dir);
        Properties props = new Properties();
        // Kept open between connections; closed with SHUTDOWN when the host stops. WRITE_DELAY=0: a
        // committed write is on disk before the caller hears of it, so a killed JVM loses nothing acknowledged.
        props.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + dir.resolve("crm") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        props.setProperty(DataSourceFactory.JDBC_USER, "sa");
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, "");
        // Pooled through the pool PostgreSQL uses (one code path for both): a connection kept open keeps its H2
        // session and the session's parsed statements, which an operation would otherwise open and parse again.
        this.pool = new ConnectionPool(factory.createConnectionPoolDataSource(props),
                Math.max(1, config.jdbcMaxConnections()));
        this.dataSource = pool;
        this.registration = DatabaseService.register(context, dataSource, HostConfiguration.H2, "h2:" + dir.resolve("crm"));
        LOG.log(System.Logger.Level.INFO, "CRM database at {0}", dir);
    }

    @Deactivate
    void deactivate() {
        if (registration == null) {
            return;
        }
        registration.unregister();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the CRM database failed", e);
        }
        pool.close();
    }
}
