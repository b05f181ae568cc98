package org.firewalldoors.api.host;

import java.util.Objects;
import java.util.Set;

/**
 * What a host knows of one field of a record type.
 *
 * @param type           the shape its value must have
 * @param classification which side of the firewall the field belongs to
 * @param required       whether a record must carry it when created
 * @param allowed        the only values a STRING field may take; empty for any
 */
public record FieldSpec(FieldType type, Classification classification, boolean required, Set<String> allowed) {

    /** Validates and copies the values. */
    public FieldSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classification, "classification");
        allowed = allowed == null ? Set.of() : Set.copyOf(allowed);
    }

    /** A field that may take any value of its type. */
    public FieldSpec(FieldType type, Classification classification, boolean required) {
        this(type, classification, required, Set.of());
    }

    /** @return an optional shared string field that takes one of the given values */
    public static FieldSpec oneOf(String... values) {
        return new FieldSpec(FieldType.STRING, Classification.SHARED, false, Set.of(values));
    }

    /** @return an optional shared field of the given type */
    public static FieldSpec shared(FieldType type) {
        return new FieldSpec(type, Classification.SHARED, false);
    }

    /** @return whether the value names principals of the host */
    public boolean namesPrincipals() {
        return type == FieldType.USER || type == FieldType.USER_LIST;
    }
}
