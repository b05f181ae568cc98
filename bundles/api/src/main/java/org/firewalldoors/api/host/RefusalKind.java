package org.firewalldoors.api.host;

/** Why an operation was refused; decides how the refusal is shown to the caller. */
public enum RefusalKind {
    /** The caller's role may not do this at all (HTTP 403 FORBIDDEN). */
    FORBIDDEN,
    /** A policy rule refused it (HTTP 403 FIREWALL_DENIED). */
    DENIED,
    /** Content was refused by policy; the message says what to remove (HTTP 422 CONTENT_REFUSED). */
    CONTENT,
    /** The caller may not see the record; shown as if it did not exist (HTTP 404 NOT_FOUND). */
    CONCEALED,
    /** No active policy for the region: fail closed (HTTP 503 POLICY_UNAVAILABLE). */
    POLICY_UNAVAILABLE,
    /** The module is not enabled in the region (HTTP 503 MODULE_DISABLED). */
    MODULE_DISABLED
}
