package org.firewalldoors.kol.internal;

import java.util.List;
import java.util.Set;

/** The field names of a KolProfile record, and which of them may ever leave Medical Affairs. */
final class KolFields {

    static final String HCP_ID = "hcpId";
    static final String NAME = "name";
    static final String SPECIALTY = "specialty";
    static final String INSTITUTION = "institution";
    static final String REGION = "region";
    static final String SCIENTIFIC_INTERESTS = "scientificInterests";
    static final String DATA_GAPS = "dataGaps";
    static final String PUBLICATIONS = "publications";
    static final String TRIAL_ROLES = "trialRoles";
    static final String GUIDELINE_ROLES = "guidelineRoles";
    static final String SOCIETY_ROLES = "societyRoles";
    static final String PEERS = "peers";
    static final String PROFILING_OBJECTION = "profilingObjection";
    static final String MSL_NOTES = "mslNotes";
    static final String LAST_VISIT = "lastVisit";
    static final String VISIT_COUNT = "visitCount";
    static final String VISIT_FREQUENCY = "visitFrequency";
    static final String TIER = "tier";
    static final String TIER_REASONS = "tierReasons";

    /** The profile's text fields; {@code region} is the record's own region, which the host sets. */
    static final List<String> TEXTS = List.of(HCP_ID, NAME, SPECIALTY, INSTITUTION, REGION, MSL_NOTES, LAST_VISIT,
            VISIT_FREQUENCY);

    /** The profile's lists of text. */
    static final List<String> TEXT_LISTS = List.of(SCIENTIFIC_INTERESTS, DATA_GAPS, PUBLICATIONS, TRIAL_ROLES,
            GUIDELINE_ROLES, SOCIETY_ROLES);

    /**
     * The most an export can ever carry, in export order (K1). What a region's door lets through is cut down
     * to this list too, so that a door written too wide still never hands out MSL notes or visit data (K3).
     */
    static final List<String> EXPORTABLE = List.of(HCP_ID, NAME, SPECIALTY, INSTITUTION, REGION,
            SCIENTIFIC_INTERESTS, DATA_GAPS, PUBLICATIONS, TRIAL_ROLES, GUIDELINE_ROLES, SOCIETY_ROLES, PEERS, TIER,
            TIER_REASONS);

    /** Computed from the scientific criteria; never an input (K4). */
    static final Set<String> COMPUTED = Set.of(TIER, TIER_REASONS);

    /** Every field a writer sets, in the order a profile is shown; the region is the host's. */
    static final List<String> WRITTEN = List.of(HCP_ID, NAME, SPECIALTY, INSTITUTION, SCIENTIFIC_INTERESTS,
            DATA_GAPS, PUBLICATIONS, TRIAL_ROLES, GUIDELINE_ROLES, SOCIETY_ROLES, PEERS, PROFILING_OBJECTION, MSL_NOTES,
            LAST_VISIT, VISIT_COUNT, VISIT_FREQUENCY);

    private KolFields() {
    }
}
