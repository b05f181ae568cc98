package org.firewalldoors.api.host;

/** The JSON shape a field value must have. */
public enum FieldType {
    /** A string. */
    STRING,
    /** A number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A list of values. */
    LIST,
    /** A nested object. */
    OBJECT,
    /** A user id that names a principal of the host (assignee, chair). */
    USER,
    /** A list of user ids (attendees, invitees). */
    USER_LIST,
    /** Any JSON value. */
    ANY
}
