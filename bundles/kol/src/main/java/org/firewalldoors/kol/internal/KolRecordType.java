package org.firewalldoors.kol.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.firewalldoors.api.kol.KolIntelligence;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Declares the KolProfile record type to the host. It is guarded (no decision,
 * no access: X5), closed to fields it does not list (so prescribing data such
 * as a decile cannot ride along: K4), and every field is Medical Affairs': only
 * a policy door lets any of it cross (K1, K3). A profile's region is its
 * record's region, set by the host.
 */
@Component
public final class KolRecordType implements RecordTypeProvider {

    static final RecordTypeDescriptor DESCRIPTOR = descriptor();

    /** Declared only while the firewall is there: without it, the type is not served at all. */
    @Reference
    DecisionPoint decisions;

    @Override
    public List<RecordTypeDescriptor> recordTypes() {
        return List.of(DESCRIPTOR);
    }

    private static RecordTypeDescriptor descriptor() {
        Map<String, FieldSpec> fields = new HashMap<>();
        for (String f : KolFields.TEXTS) {
            if (f.equals(KolFields.REGION)) {
                continue; // every record has its region, set by the host
            }
            boolean required = f.equals(KolFields.HCP_ID) || f.equals(KolFields.NAME);
            fields.put(f, new FieldSpec(FieldType.STRING, Classification.MEDICAL_ONLY, required));
        }
        for (String f : KolFields.TEXT_LISTS) {
            fields.put(f, medical(FieldType.LIST));
        }
        fields.put(KolFields.PEERS, medical(FieldType.LIST));
        fields.put(KolFields.PROFILING_OBJECTION, medical(FieldType.BOOLEAN));
        fields.put(KolFields.VISIT_COUNT, medical(FieldType.NUMBER));
        fields.put(KolFields.TIER, medical(FieldType.NUMBER));
        fields.put(KolFields.TIER_REASONS, medical(FieldType.LIST));
        return new RecordTypeDescriptor(KolIntelligence.RECORD_TYPE, fields, true, false, Classification.MEDICAL_ONLY);
    }

    private static FieldSpec medical(FieldType type) {
        return new FieldSpec(type, Classification.MEDICAL_ONLY, false);
    }
}
