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
