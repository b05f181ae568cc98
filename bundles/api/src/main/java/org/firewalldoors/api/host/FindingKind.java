package org.firewalldoors.api.host;

/** Something a decision records besides allowing or blocking. */
public enum FindingKind {
    /** Let through, but opens an item in the compliance review queue (X6). */
    FLAG,
    /** Goes to the region's compliance officer and head of medical affairs (G7). */
    ESCALATE,
    /** A potential adverse event: routed to pharmacovigilance (X1). */
    ROUTE_TO_SAFETY,
    /** Fields were withheld from what the caller sees. */
    REDACT,
    /** Data crossed the firewall through a door. */
    CROSSING
}
