package org.firewalldoors.compliance.internal.audit;

import org.firewalldoors.api.compliance.AuditVerification;

/**
 * Checks rows in sequence order and remembers the first that breaks the
 * chain: a sequence number that is not the previous one plus one (the missing
 * number is reported, so a deleted entry k is reported as k), a previous hash
 * that is not the previous row's hash (deletion, reordering), or a hash that
 * does not match the row's content (an edit).
 */
final class ChainCheck {

    private long entries;
    private long expectedSeq = 1;
    private String expectedPrevHash = AuditRow.GENESIS;
    private Long firstBad;
    private long anchorSeq;
    private String anchorHash;

    /** The head of the chain as recorded apart from the entries: catches a truncated or re-hashed tail. */
    void anchor(long seq, String hash) {
        anchorSeq = seq;
        anchorHash = hash;
    }

    void next(AuditRow row) {
        entries++;
        if (firstBad == null) {
            if (row.seq() != expectedSeq) {
                firstBad = expectedSeq;
            } else if (!intact(row)) {
                firstBad = row.seq();
            } else if (!expectedPrevHash.equals(row.prevHash())) {
                // This row is intact, so its record of the previous hash is the original one: the previous
                // row was changed and re-hashed (or the chain was reordered) - blame the previous row.
                firstBad = row.seq() > 1 ? row.seq() - 1 : row.seq();
            } else if (row.seq() == anchorSeq && !row.hash().equals(anchorHash)) {
                firstBad = row.seq();
            }
        }
        expectedSeq = row.seq() + 1;
        expectedPrevHash = String.valueOf(row.hash());
    }

    /**
     * @param appended the last sequence number this service appended, so that
     *                 entries deleted from the end since it started are noticed too
     */
    AuditVerification result(long appended) {
        if (firstBad == null && expectedSeq <= Math.max(appended, anchorSeq)) {
            firstBad = expectedSeq;
        }
        return new AuditVerification(firstBad == null, entries, firstBad);
    }

    private static boolean intact(AuditRow row) {
        try {
            return row.hash() != null && row.hash().equals(row.computeHash());
        } catch (RuntimeException e) {
            // A row too damaged to hash (a missing time, say) is simply not intact.
            return false;
        }
    }
}
