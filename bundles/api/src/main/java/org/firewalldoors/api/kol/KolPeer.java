package org.firewalldoors.api.kol;

/**
 * A peer relationship of a KOL (K1: peer relationships may cross to Commercial).
 *
 * @param hcpId    the id of the peer HCP, never blank
 * @param relation how they are related, for example {@code co-author} or {@code mentor}, never blank
 */
public record KolPeer(String hcpId, String relation) {

    /** Validates the values. */
    public KolPeer {
        if (hcpId == null || hcpId.isBlank()) {
            throw new IllegalArgumentException("a peer needs an hcpId");
        }
        if (relation == null || relation.isBlank()) {
            throw new IllegalArgumentException("peer " + hcpId + " needs a relation");
        }
    }
}
