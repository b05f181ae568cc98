package org.firewalldoors.kol.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Verdict;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;

/** Principals, profiles and decisions for the unit tests. */
final class Fixtures {

    static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", "msldir.us");
    static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", "salesdir.us");
    static final Principal COMPLIANCE = new Principal("compliance.us", BusinessFunction.COMPLIANCE,
            "COMPLIANCE_OFFICER", "US", null);
    static final Principal REP_EU = new Principal("rep.eu", BusinessFunction.COMMERCIAL, "REP", "EU", null);

    /** What the US door withholds of a stored profile. */
    static final Set<String> WITHHELD = Set.of("mslNotes", "lastVisit", "visitCount", "visitFrequency",
            "profilingObjection");

    private Fixtures() {
    }

    static Caller java(Principal p) {
        return Caller.java(p);
    }

    static KolProfile profile(String hcpId) {
        return new KolProfile(hcpId, "Dr. Ada Heart", "Cardiology", "St. Elsewhere", null,
                List.of("HFpEF phenotyping"), List.of("outcomes in patients over 80"), List.of("NEJM 2024;390:1"),
                List.of("Principal investigator, TRIAL-7"), List.of("ESC HF guideline 2023"),
                List.of("HFSA board"), List.of(new KolPeer("hcp-2", "co-author")), false,
                "Discussed the registry design", "2026-10-02", 7, "monthly");
    }

    /** A stored profile with every field, as the host hands it out. */
    static CrmRecord stored(String id, Instant updatedAt) {
        Map<String, Object> f = new LinkedHashMap<>(ProfileFields.of(profile("hcp-" + id),
                Tiering.of(profile("hcp-" + id))));
        return new CrmRecord("KolProfile", id, f, MSL.id(), "US", 1, updatedAt, updatedAt);
    }

    /** What the door decision of the US policy looks like for a Commercial reader. */
    static Decision crossing(Set<String> redacted) {
        return new Decision(Verdict.ALLOW, null, redacted, List.of(new Finding(FindingKind.CROSSING,
                "us.k1.kol-intelligence", "K1", "KOL intelligence crosses")), "us", "1.0.0");
    }
}
