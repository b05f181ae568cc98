package org.firewalldoors.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The reference host's configuration, PID {@code org.firewalldoors.host}. */
@ObjectClassDefinition(name = "Firewall with Doors reference host",
        description = "Storage, users and fail-closed behaviour of the reference CRM host.")
public @interface HostConfiguration {

    /** The configuration PID shared by the host's components. */
    String PID = "org.firewalldoors.host";

    /** The value of {@link #database()} for the embedded H2 database. */
    String H2 = "h2";
    /** The value of {@link #database()} for PostgreSQL. */
    String POSTGRESQL = "postgresql";

    @AttributeDefinition(name = "Database",
            description = "h2: the embedded database in the data directory (the default); postgresql: the PostgreSQL "
                    + "server of jdbcUrl, through the PostgreSQL JDBC driver's DataSourceFactory, which several host "
                    + "nodes can share.",
            options = { @Option(label = "Embedded H2", value = H2), @Option(label = "PostgreSQL", value = POSTGRESQL) })
    String database() default H2;

    @AttributeDefinition(name = "Data directory",
            description = "Where the embedded database lives; relative paths are resolved against the host home.")
    String dataDirectory() default "data";

    @AttributeDefinition(name = "JDBC URL",
            description = "With database=postgresql: the server and database, e.g. "
                    + "jdbc:postgresql://db.example.org:5432/firewalldoors (put no password in it).")
    String jdbcUrl() default "jdbc:postgresql://127.0.0.1:5432/firewalldoors";

    @AttributeDefinition(name = "JDBC user", description = "With database=postgresql: the database user.")
    String jdbcUser() default "firewalldoors";

    @AttributeDefinition(name = "JDBC password", type = AttributeType.PASSWORD,
            description = "With database=postgresql: the database user's password. Never logged, audited or shown.")
    String jdbcPassword() default "";

    @AttributeDefinition(name = "Database connections",
            description = "With database=postgresql: the most connections this node keeps open to the server.")
    int jdbcMaxConnections() default 16;

    @AttributeDefinition(name = "Users file",
            description = "JSON file of users with PBKDF2 password hashes; relative to the host home.")
    String usersFile() default "conf/users.json";

    @AttributeDefinition(name = "Interception required",
            description = "When true, operations on guarded record types are refused while no interceptor is registered (fail closed).")
    boolean interceptionRequired() default true;

    @AttributeDefinition(name = "Request body limit", description = "Largest accepted request body, in bytes.")
    int maxBodyBytes() default 65536;

    @AttributeDefinition(name = "Request body timeout",
            description = "Seconds within which a request body must arrive whole; a slower one is refused (408) and "
                    + "its connection closed, so that a client trickling a body cannot hold a thread of the server.")
    int bodyTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request bodies at once",
            description = "How many request bodies are received at the same time; a request beyond them is refused "
                    + "at once (503 with Retry-After), so that slow senders never hold every thread of the server.")
    int concurrentBodies() default 32;

    @AttributeDefinition(name = "Session idle timeout",
            description = "Minutes after which a browser session (POST /session) that made no request expires.")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Session lifetime",
            description = "Minutes after which a browser session expires however active it is; also the cookie's Max-Age.")
    int sessionMaxMinutes() default 480;

    @AttributeDefinition(name = "Sign-in failures before a delay",
            description = "Consecutive wrong passwords for one user from one address that are answered at once; "
                    + "after them, sign-in for that user from that address is refused (429) for 1 second, then 2, 4... "
                    + "until a correct password. 0 or less turns the delay off.")
    int signInFreeFailures() default 5;

    @AttributeDefinition(name = "Longest sign-in delay",
            description = "Seconds; the delay after repeated wrong passwords grows up to this.")
    int signInMaxDelaySeconds() default 300;
}
