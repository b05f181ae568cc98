package org.firewalldoors.api.host;

/** What an operation does to a record. */
public enum Action {
    /** Store a new record. */
    CREATE,
    /** Read one record. */
    READ,
    /** List records matching criteria. */
    QUERY,
    /** Change fields of a record. */
    UPDATE,
    /** Remove a record. */
    DELETE,
    /** Give another principal access to a record. */
    SHARE,
    /** Hand records out of the host in bulk. */
    EXPORT,
    /** Make a principal responsible for a record. */
    ASSIGN
}
