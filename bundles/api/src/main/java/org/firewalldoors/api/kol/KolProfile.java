package org.firewalldoors.api.kol;

import java.util.List;

/**
 * A KOL profile as Medical Affairs writes it. Every member may be {@code null}:
 * absent, or withheld from the reader by the firewall. Lists are copied and
 * hold no {@code null} or blank entries.
 *
 * <p>
 * The scientific members ({@code publications}, {@code trialRoles},
 * {@code guidelineRoles}, {@code societyRoles}, {@code peers}) are what the
 * tier is computed from (K4). The MSL's own engagement record
 * ({@code mslNotes}, {@code lastVisit}, {@code visitCount},
 * {@code visitFrequency}) is Medical Affairs' only and never crosses (K3).
 *
 * @param hcpId               the HCP the profile is about
 * @param name                the HCP's name
 * @param specialty           clinical specialty
 * @param institution         where the HCP works
 * @param region              the region code; the author's region when absent
 * @param scientificInterests clinical questions and research interests (K1)
 * @param dataGaps            data gaps the KOL has identified (K1)
 * @param publications        publications, one entry each
 * @param trialRoles          clinical trial investigator roles, one entry each
 * @param guidelineRoles      guideline authorships, one entry each
 * @param societyRoles        roles in medical societies, one entry each
 * @param peers               the peer network (K1)
 * @param profilingObjection  whether the HCP objected to profiling (X3, GDPR)
 * @param mslNotes            the MSL's notes on the KOL (MEDICAL only, K3)
 * @param lastVisit           the date of the MSL's last visit (MEDICAL only, K3)
 * @param visitCount          how many visits the MSL made (MEDICAL only, K3)
 * @param visitFrequency      the MSL's visit frequency (MEDICAL only, K3)
 */
public record KolProfile(String hcpId, String name, String specialty, String institution, String region,
        List<String> scientificInterests, List<String> dataGaps, List<String> publications, List<String> trialRoles,
        List<String> guidelineRoles, List<String> societyRoles, List<KolPeer> peers, Boolean profilingObjection,
        String mslNotes, String lastVisit, Integer visitCount, String visitFrequency) {

    /** Validates and copies the values. */
    public KolProfile {
        scientificInterests = texts("scientificInterests", scientificInterests);
        dataGaps = texts("dataGaps", dataGaps);
        publications = texts("publications", publications);
        trialRoles = texts("trialRoles", trialRoles);
        guidelineRoles = texts("guidelineRoles", guidelineRoles);
        societyRoles = texts("societyRoles", societyRoles);
        if (peers != null) {
            for (KolPeer peer : peers) {
                if (peer == null) {
                    throw new IllegalArgumentException("peers holds a null entry");
                }
            }
            peers = List.copyOf(peers);
        }
        if (visitCount != null && visitCount < 0) {
            throw new IllegalArgumentException("visitCount cannot be negative");
        }
    }

    private static List<String> texts(String name, List<String> values) {
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " holds a blank entry");
            }
        }
        return List.copyOf(values);
    }
}
