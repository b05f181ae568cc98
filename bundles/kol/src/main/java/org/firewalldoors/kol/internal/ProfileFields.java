package org.firewalldoors.kol.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolProfileRecord;
import org.firewalldoors.api.kol.KolTier;

/** Converts between KOL profiles and the fields of their host records. */
final class ProfileFields {

    private ProfileFields() {
    }

    /** @return the record fields of a profile and its tier, as stored */
    static Map<String, Object> of(KolProfile p, KolTier tier) {
        Map<String, Object> f = of(p);
        f.put(KolFields.TIER, tier.tier());
        f.put(KolFields.TIER_REASONS, tier.reasons());
        return f;
    }

    /** @return a profile as shown: its fields and its region, in the order of {@link KolFields#WRITTEN} */
    static Map<String, Object> shown(KolProfile p) {
        Map<String, Object> fields = of(p);
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String name : KolFields.WRITTEN) {
            if (name.equals(KolFields.SCIENTIFIC_INTERESTS)) {
                put(shown, KolFields.REGION, p.region());
            }
            put(shown, name, fields.get(name));
        }
        return shown;
    }

    /** @return the record fields of a profile; absent members are left out, and so is the region (the host's) */
    static Map<String, Object> of(KolProfile p) {
        Map<String, Object> f = new LinkedHashMap<>();
        put(f, KolFields.HCP_ID, p.hcpId());
        put(f, KolFields.NAME, p.name());
        put(f, KolFields.SPECIALTY, p.specialty());
        put(f, KolFields.INSTITUTION, p.institution());
        put(f, KolFields.SCIENTIFIC_INTERESTS, p.scientificInterests());
        put(f, KolFields.DATA_GAPS, p.dataGaps());
        put(f, KolFields.PUBLICATIONS, p.publications());
        put(f, KolFields.TRIAL_ROLES, p.trialRoles());
        put(f, KolFields.GUIDELINE_ROLES, p.guidelineRoles());
        put(f, KolFields.SOCIETY_ROLES, p.societyRoles());
        if (p.peers() != null) {
            List<Map<String, Object>> peers = new ArrayList<>();
            for (KolPeer peer : p.peers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hcpId", peer.hcpId());
                m.put("relation", peer.relation());
                peers.add(m);
            }
            f.put(KolFields.PEERS, peers);
        }
        put(f, KolFields.PROFILING_OBJECTION, p.profilingObjection());
        put(f, KolFields.MSL_NOTES, p.mslNotes());
        put(f, KolFields.LAST_VISIT, p.lastVisit());
        put(f, KolFields.VISIT_COUNT, p.visitCount());
        put(f, KolFields.VISIT_FREQUENCY, p.visitFrequency());
        return f;
    }

    /** @return the changes that replace a stored profile: every member not in {@code p} is removed */
    static Map<String, Object> replacing(KolProfile p, KolTier tier) {
        Map<String, Object> changes = new LinkedHashMap<>();
        KolFields.WRITTEN.forEach(name -> changes.put(name, null));
        changes.putAll(of(p, tier));
        return changes;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /**
     * @return a stored record as a profile; read leniently, since the record may also have been written through
     *         the host's generic record resources: values of an unexpected shape are left out
     */
    static KolProfileRecord record(CrmRecord r) {
        Map<String, Object> f = r.fields();
        KolProfile profile = new KolProfile(text(f, KolFields.HCP_ID), text(f, KolFields.NAME),
                text(f, KolFields.SPECIALTY), text(f, KolFields.INSTITUTION), r.region(),
                texts(f, KolFields.SCIENTIFIC_INTERESTS), texts(f, KolFields.DATA_GAPS), texts(f, KolFields.PUBLICATIONS),
                texts(f, KolFields.TRIAL_ROLES), texts(f, KolFields.GUIDELINE_ROLES), texts(f, KolFields.SOCIETY_ROLES),
                peers(f.get(KolFields.PEERS)),
                f.get(KolFields.PROFILING_OBJECTION) instanceof Boolean b ? b : null, text(f, KolFields.MSL_NOTES),
                text(f, KolFields.LAST_VISIT), count(f.get(KolFields.VISIT_COUNT)), text(f, KolFields.VISIT_FREQUENCY));
        KolTier tier = null;
        if (f.get(KolFields.TIER) instanceof Number n && n.intValue() >= 1 && n.intValue() <= KolTier.LOWEST) {
            List<String> reasons = texts(f, KolFields.TIER_REASONS);
            tier = new KolTier(n.intValue(), reasons == null ? List.of() : reasons);
        }
        return new KolProfileRecord(r.id(), r.version(), r.updatedAt(), profile, tier);
    }

    private static String text(Map<String, Object> f, String name) {
        return f.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> texts(Map<String, Object> f, String name) {
        if (!(f.get(name) instanceof List<?> list)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof String s && !s.isBlank()) {
                texts.add(s);
            }
        }
        return texts;
    }

    private static List<KolPeer> peers(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<KolPeer> peers = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("hcpId") instanceof String id && !id.isBlank()
                    && m.get("relation") instanceof String rel && !rel.isBlank()) {
                peers.add(new KolPeer(id, rel));
            }
        }
        return peers;
    }

    private static Integer count(Object value) {
        return value instanceof Number n && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE
                ? n.intValue() : null;
    }
}
