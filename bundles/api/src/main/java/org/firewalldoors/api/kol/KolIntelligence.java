package org.firewalldoors.api.kol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.firewalldoors.api.host.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * KOL intelligence, door 3 of the firewall (K1 to K4). Every method acts as the
 * caller through the host's record store, so the region's policy decides each
 * operation on every channel alike (X7). Refusals are thrown as
 * {@link org.firewalldoors.api.host.OperationRefusedException}, malformed input
 * as {@link org.firewalldoors.api.host.InvalidRecordException}, missing or
 * concealed profiles as {@link org.firewalldoors.api.host.RecordNotFoundException}.
 */
@ProviderType
public interface KolIntelligence {

    /** The name of the record type of KOL profiles. */
    String RECORD_TYPE = "KolProfile";

    /** The module that a region's configuration switches on to allow exports. */
    String EXPORT_MODULE = "kol-export";

    /**
     * Stores a new profile written by Medical Affairs, with its tier computed
     * from scientific criteria (K4). Commercial cannot (K2).
     *
     * @return the stored profile as the caller may see it
     */
    KolProfileRecord create(Caller caller, KolProfile profile);

    /**
     * Replaces a profile: members absent from {@code profile} are removed, and
     * the tier is computed again (K2, K4).
     *
     * @param expectedVersion the version the caller last saw, or 0 to skip the check
     * @return the stored profile as the caller may see it
     */
    KolProfileRecord update(Caller caller, String id, KolProfile profile, long expectedVersion);

    /** @return the profile as the caller may see it: for Commercial, what the door lets through (K1, K3) */
    Optional<KolProfileRecord> read(Caller caller, String id);

    /**
     * @return the profiles of the caller's region as the caller may see them (for Commercial, what the door lets
     *         through; profiles the caller may not see are left out), by name
     * @since 1.1
     */
    List<KolProfileRecord> list(Caller caller);

    /** Removes a profile (Medical Affairs only, K2). */
    void delete(Caller caller, String id);

    /**
     * Writes the KOL intelligence export of a region to {@code out}, streaming:
     * memory use does not grow with the number of profiles. Each profile carries
     * exactly the fields that the region's MEDICAL_TO_COMMERCIAL door lets
     * through, whoever the caller (Medical Affairs or Commercial of that region);
     * the export ends with a trailer and is audited as one door crossing (K1).
     * Nothing is written when the export is refused.
     *
     * @param out where to write; not closed
     * @return the trailer
     */
    KolExportSummary export(Caller caller, KolExportRequest request, OutputStream out) throws IOException;
}
