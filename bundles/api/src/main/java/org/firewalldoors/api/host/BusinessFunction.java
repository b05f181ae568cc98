package org.firewalldoors.api.host;

/** The function a user works in (requirement F1). */
public enum BusinessFunction {
    /** Medical Affairs: MSLs, MSL directors, the head of medical affairs. */
    MEDICAL,
    /** Commercial: reps, field sales directors, VP Commercial. */
    COMMERCIAL,
    /** Compliance officers. */
    COMPLIANCE,
    /** Legal. */
    LEGAL,
    /** IT administrators; they see no business data. */
    ADMIN
}
