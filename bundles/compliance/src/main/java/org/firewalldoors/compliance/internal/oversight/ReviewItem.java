package org.firewalldoors.compliance.internal.oversight;

import java.time.Instant;

/** An item of the compliance review queue, opened by a FLAG decision (X6). */
public record ReviewItem(String id, Instant createdAt, String category, String region, String rule,
        String requirement, String recordType, String recordId, String actor, String assignee, String status,
        String message, String comment, Instant updatedAt) {

    /** The statuses, in the order an item moves through them. */
    public static final String OPEN = "OPEN", IN_REVIEW = "IN_REVIEW", CLOSED = "CLOSED";
}
