package org.firewalldoors.api.host;

import java.util.Objects;

/**
 * A principal an operation involves besides its actor: the record's owner, an
 * assignee, an attendee, the recipient of a share.
 *
 * @param relation  how it is involved: {@code owner}, {@code recipient}, or
 *                  the name of the field that names it
 * @param principal the principal
 */
public record RelatedPrincipal(String relation, Principal principal) {

    /** The relation of a record's owner. */
    public static final String OWNER = "owner";
    /** The relation of the recipient of a share. */
    public static final String RECIPIENT = "recipient";

    /** Validates the values. */
    public RelatedPrincipal {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(principal, "principal");
    }
}
