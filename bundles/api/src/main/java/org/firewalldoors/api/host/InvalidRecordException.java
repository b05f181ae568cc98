package org.firewalldoors.api.host;

/** Thrown when input is malformed: wrong types, unknown or missing fields, unknown users. */
public final class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field */
    public InvalidRecordException(String message) {
        super(message);
    }
}
