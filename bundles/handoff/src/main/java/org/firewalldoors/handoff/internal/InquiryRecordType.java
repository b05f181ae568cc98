package org.firewalldoors.handoff.internal;

import static org.firewalldoors.api.host.Classification.MEDICAL_ONLY;
import static org.firewalldoors.api.host.Classification.SHARED;
import static org.firewalldoors.handoff.internal.Fields.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.handoff.ScientificInquiries;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Declares the {@code ScientificInquiry} record type to the host: guarded, and
 * closed to fields it does not list (H2: nothing else is stored). What the rep
 * captures, the status and the step-5 summary are shared; Medical Affairs'
 * review, schedule and notes are medical only (H5). Declared only while the
 * compliance decision point is there: the hand-off does not run without it.
 */
@Component(reference = @Reference(name = "decisionPoint", service = DecisionPoint.class))
public final class InquiryRecordType implements RecordTypeProvider {

    static final RecordTypeDescriptor TYPE = descriptor();

    private static RecordTypeDescriptor descriptor() {
        Map<String, FieldSpec> f = new LinkedHashMap<>();
        f.put(CATEGORY, required(FieldType.STRING));
        f.put(QUESTION, required(FieldType.STRING));
        f.put(PRODUCT, FieldSpec.shared(FieldType.STRING));
        f.put(HCP_ID, required(FieldType.STRING));
        f.put(HCP_CONTACT, required(FieldType.OBJECT));
        f.put(PREFERRED_CONTACT, FieldSpec.shared(FieldType.OBJECT));
        f.put(UNSOLICITED, required(FieldType.BOOLEAN));
        f.put(STATUS, required(FieldType.STRING));
        f.put(SUBMITTED_BY, required(FieldType.USER));
        f.put(INTEREST_SUMMARY, FieldSpec.shared(FieldType.STRING));
        f.put(INTEREST_SHARED_AT, FieldSpec.shared(FieldType.STRING));
        f.put(SAFETY_STATUS, FieldSpec.shared(FieldType.STRING));
        f.put(SAFETY_RULE, FieldSpec.shared(FieldType.STRING));
        f.put(SAFETY_AWARE_AT, FieldSpec.shared(FieldType.STRING));
        f.put(SAFETY_DUE_AT, FieldSpec.shared(FieldType.STRING));
        f.put(ASSIGNEE, medical(FieldType.USER));
        for (String name : List.of(PRIORITY, DUE_DATE, ACCEPTED_AT, DECLINED_AT, DECLINE_REASON, SCHEDULED_AT,
                MSL_NOTES, COMPLETED_AT, FOLLOW_UP_DATE, INTEREST_SHARED_BY, SAFETY_FORWARDED_AT,
                SAFETY_FORWARDED_BY, SAFETY_ESCALATED_AT)) {
            f.put(name, medical(FieldType.STRING));
        }
        return new RecordTypeDescriptor(ScientificInquiries.RECORD_TYPE, f, true, false, Classification.SHARED);
    }

    private static FieldSpec required(FieldType type) {
        return new FieldSpec(type, SHARED, true);
    }

    private static FieldSpec medical(FieldType type) {
        return new FieldSpec(type, MEDICAL_ONLY, false);
    }

    @Override
    public List<RecordTypeDescriptor> recordTypes() {
        return List.of(TYPE);
    }
}
