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
            case ANY -> true;
        };
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
            case ANY -> "a value";
        };
    }
}
