package org.firewalldoors.api.host;

/** Thrown when a record does not exist, or the caller may not know that it does. */
public final class RecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was not found */
    public RecordNotFoundException(String message) {
        super(message, null, false, false);
    }

    /** @return the exception for a record of a type */
    public static RecordNotFoundException record(String type, String id) {
        return new RecordNotFoundException(type + " " + id + " not found");
    }

    /** @return the exception for a record type the host does not serve */
    public static RecordNotFoundException type(String type) {
        return new RecordNotFoundException("no record type " + type);
    }
}
