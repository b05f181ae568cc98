package org.firewalldoors.api.host;

/** Which side of the firewall a record type or field belongs to. */
public enum Classification {
    /** Visible to both sides, for example the shared account list (A1). */
    SHARED,
    /** Medical data: never crosses to COMMERCIAL unless a door opens it. */
    MEDICAL_ONLY,
    /** Commercial data: never crosses to MEDICAL unless a door opens it. */
    COMMERCIAL_ONLY
}
