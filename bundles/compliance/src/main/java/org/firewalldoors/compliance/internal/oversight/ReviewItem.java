package org.firewalldoors.compliance.internal.oversight;

import java.time.Instant;

/**
 * An item of the compliance review queue, opened by a FLAG decision (X6), with the sentence that was flagged
 * ({@code excerpt}, when the finding quoted words of a text) and the reviewer's {@code label} ({@code commercial} or
 * {@code clinical}, issue 15; null until given).
 */
public record ReviewItem(String id, Instant createdAt, String category, String region, String rule,
        String requirement, String recordType, String recordId, String actor, String assignee, String status,
        String message, String comment, Instant updatedAt, String excerpt, String label) {

    /** The labels a reviewer gives: what the flagged text was. */
    public static final String COMMERCIAL = "commercial", CLINICAL = "clinical";

    /** The statuses, in the order an item moves through them. */
    public static final String OPEN = "OPEN", IN_REVIEW = "IN_REVIEW", CLOSED = "CLOSED";
}
