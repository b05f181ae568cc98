package org.firewalldoors.api.host;

/** The way an operation reached the host; every channel is enforced alike (X7). */
public enum Channel {
    /** The HTTP API. */
    HTTP,
    /** A Java service call from another bundle. */
    JAVA,
    /** A bulk import. */
    BULK_IMPORT,
    /** The admin shell. */
    SHELL
}
