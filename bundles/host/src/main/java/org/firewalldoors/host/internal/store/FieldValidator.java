package org.firewalldoors.host.internal.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.RecordTypeDescriptor;

/** Checks field values against a record type's descriptor. */
final class FieldValidator {

    /** Names every record carries that no caller sets. */
    static final Set<String> RESERVED = Set.of("id", "type", "owner", "region", "createdAt", "updatedAt", "version");

    /** The longest text a single field may hold. */
    static final int MAX_TEXT = 10_000;
    private static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1900, 1, 1);
    private static final java.time.LocalDate LATEST = java.time.LocalDate.of(2200, 12, 31);

    private FieldValidator() {
    }

    /**
     * @param fields   the values to check; a {@code null} value means "remove" and is allowed on update
     * @param creating whether required fields must be present
     */
    static void validate(RecordTypeDescriptor type, Map<String, Object> fields, boolean creating) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String name = e.getKey();
            if (RESERVED.contains(name)) {
                throw new InvalidRecordException("field '" + name + "' is set by the host and cannot be written");
            }
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new InvalidRecordException("field name '" + name + "' is not an identifier");
            }
            FieldSpec spec = type.field(name);
            if (spec == null) {
                if (!type.extensible()) {
                    throw new InvalidRecordException(type.name() + " has no field '" + name + "'");
                }
                if (creating && e.getValue() == null) {
                    throw new InvalidRecordException("field '" + name + "' of " + type.name() + " cannot be null");
                }
                continue;
            }
            Object value = e.getValue();
            if (value == null) {
                if (creating || spec.required()) {
                    throw new InvalidRecordException("field '" + name + "' of " + type.name() + " cannot be null");
                }
                continue;
            }
            if (!fits(spec, value)) {
                throw new InvalidRecordException("field '" + name + "' of " + type.name() + " must be "
                        + describe(spec));
            }
            if (!spec.allowed().isEmpty() && !spec.allowed().contains(value)) {
                throw new InvalidRecordException("field '" + name + "' of " + type.name() + " must be one of "
                        + new java.util.TreeSet<>(spec.allowed()));
            }
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (longestText(e.getValue()) > MAX_TEXT) {
                throw new InvalidRecordException("field '" + e.getKey() + "' holds a text over " + MAX_TEXT
                        + " characters");
            }
        }
        if (creating) {
            for (Map.Entry<String, FieldSpec> e : type.fields().entrySet()) {
                if (e.getValue().required() && fields.get(e.getKey()) == null) {
                    throw new InvalidRecordException(type.name() + " needs field '" + e.getKey() + "'");
                }
            }
        }
    }

    private static boolean fits(FieldSpec spec, Object value) {
        return switch (spec.type()) {
            case STRING, USER -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case LIST -> value instanceof List;
            case USER_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case OBJECT -> value instanceof Map;
            case DATE -> value instanceof String s && date(s);
            case DATETIME -> value instanceof String s && dateTime(s);
            case ANY -> true;
        };
    }

    private static boolean date(String s) {
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(s);
            return !d.isBefore(EARLIEST) && !d.isAfter(LATEST);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean dateTime(String s) {
        try {
            java.time.LocalDate d = java.time.OffsetDateTime.parse(s).toLocalDate();
            return !d.isBefore(EARLIEST) && !d.isAfter(LATEST);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static int longestText(Object value) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof List<?> l) {
            return l.stream().mapToInt(FieldValidator::longestText).max().orElse(0);
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().mapToInt(FieldValidator::longestText).max().orElse(0);
        }
        return 0;
    }

    private static String describe(FieldSpec spec) {
        return switch (spec.type()) {
            case STRING -> "a string";
            case USER -> "a user id";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case LIST -> "a list";
            case USER_LIST -> "a list of user ids";
            case OBJECT -> "an object";
            case DATE -> "a date such as 2026-11-25";
            case DATETIME -> "a date and time with an offset, such as 2026-11-25T10:00:00Z";
            case ANY -> "a value";
        };
    }
}
