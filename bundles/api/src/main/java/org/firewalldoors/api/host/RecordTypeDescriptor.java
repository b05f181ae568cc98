package org.firewalldoors.api.host;

import java.util.Map;
import java.util.Objects;

/**
 * A record type declared to the host, with the classification of its fields.
 *
 * @param name       the type name used in APIs, for example {@code CallReport}
 * @param fields     the known fields by name
 * @param guarded    whether operations on the type cross the firewall and so
 *                   need an active policy (fail closed, X5)
 * @param extensible whether records may carry fields beyond {@code fields};
 *                   such fields take {@code defaultClassification}
 * @param defaultClassification the classification of fields not listed
 */
public record RecordTypeDescriptor(String name, Map<String, FieldSpec> fields, boolean guarded, boolean extensible,
        Classification defaultClassification) {

    /** Validates and copies the values. */
    public RecordTypeDescriptor {
        if (name == null || !name.matches("[A-Z][A-Za-z0-9]{0,63}")) {
            throw new IllegalArgumentException("record type name must be an identifier in UpperCamelCase: " + name);
        }
        fields = Map.copyOf(fields);
        Objects.requireNonNull(defaultClassification, "defaultClassification");
    }

    /** @return the spec of a field, or {@code null} if the type does not know it */
    public FieldSpec field(String fieldName) {
        return fields.get(fieldName);
    }

    /** @return the classification of a field, known or not */
    public Classification classificationOf(String fieldName) {
        FieldSpec spec = fields.get(fieldName);
        return spec == null ? defaultClassification : spec.classification();
    }
}
