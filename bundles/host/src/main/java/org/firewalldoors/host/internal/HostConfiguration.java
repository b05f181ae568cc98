package org.firewalldoors.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The reference host's configuration, PID {@code org.firewalldoors.host}. */
@ObjectClassDefinition(name = "Firewall with Doors reference host",
        description = "Storage, users and fail-closed behaviour of the reference CRM host.")
public @interface HostConfiguration {

    /** The configuration PID shared by the host's components. */
    String PID = "org.firewalldoors.host";

    @AttributeDefinition(name = "Data directory",
            description = "Where the embedded database lives; relative paths are resolved against the host home.")
    String dataDirectory() default "data";

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
