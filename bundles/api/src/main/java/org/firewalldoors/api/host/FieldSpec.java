package org.firewalldoors.api.host;

import java.util.Objects;

/**
 * What a host knows of one field of a record type.
 *
 * @param type           the shape its value must have
 * @param classification which side of the firewall the field belongs to
 * @param required       whether a record must carry it when created
 */
public record FieldSpec(FieldType type, Classification classification, boolean required) {

    /** Validates the values. */
    public FieldSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classification, "classification");
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
