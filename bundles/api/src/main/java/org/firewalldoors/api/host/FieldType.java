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
    /** A calendar date, ISO-8601 {@code yyyy-MM-dd}, between the years 1900 and 2200. */
    DATE,
    /** A point in time, ISO-8601 with an offset ({@code 2026-11-25T10:00:00Z}), between 1900 and 2200. */
    DATETIME,
    /** Any JSON value. */
    ANY
}
