package org.firewalldoors.api.host;

/** Thrown when an update names a version of a record that is no longer current. */
public final class StaleRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which record and versions */
    public StaleRecordException(String message) {
        super(message);
    }
}
