package org.firewalldoors.compliance.internal.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A matter that goes to the region's compliance officer and head of medical
 * affairs, never to commercial leadership (G7): an ESCALATE decision, a
 * boundary concern filed by an MSL (O8), or a missed safety forward (X1).
 */
public record Escalation(String id, Instant createdAt, String region, String kind, String rule, String requirement,
        String actor, String description, String recordType, String recordId, List<String> recipients, String status,
        String resolution, String resolvedBy, Instant resolvedAt) {

    /** The statuses. */
    public static final String OPEN = "OPEN", RESOLVED = "RESOLVED";
}
