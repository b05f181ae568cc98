package org.firewalldoors.host.internal.users;

import java.util.List;

/** One user as written in the users file; read by Gson. */
final class UserEntry {
    String id;
    String function;
    String role;
    String region;
    String manager;
    String password;

    /** The users file: its users, and whether they are the demo users (password {@code demo}). */
    static final class File {
        boolean demo;
        List<UserEntry> users;
    }
}
