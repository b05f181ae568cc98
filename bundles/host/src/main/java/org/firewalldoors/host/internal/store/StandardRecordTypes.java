package org.firewalldoors.host.internal.store;

import static org.firewalldoors.api.host.Classification.COMMERCIAL_ONLY;
import static org.firewalldoors.api.host.Classification.MEDICAL_ONLY;
import static org.firewalldoors.api.host.Classification.SHARED;

import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RecordTypeProvider;
import org.osgi.service.component.annotations.Component;

/** The standard CRM record types of the reference host (API.md, "Generic CRM records"). */
@Component
public final class StandardRecordTypes implements RecordTypeProvider {

    private static final List<RecordTypeDescriptor> TYPES = List.of(
            type("Account", false, Map.of(
                    "name", new FieldSpec(FieldType.STRING, SHARED, true),
                    "kind", new FieldSpec(FieldType.STRING, SHARED, true, java.util.Set.of("HCP", "HEALTH_SYSTEM")),
                    "tier", FieldSpec.shared(FieldType.ANY))),
            type("CallReport", true, Map.of(
                    "accountId", FieldSpec.shared(FieldType.STRING),
                    "hcpId", FieldSpec.shared(FieldType.STRING),
                    "date", FieldSpec.shared(FieldType.DATE),
                    "channel", FieldSpec.oneOf("VISIT", "PHONE", "EMAIL", "VIDEO", "CONGRESS"),
                    "notes", FieldSpec.shared(FieldType.STRING))),
            type("Task", true, Map.of(
                    "assignee", new FieldSpec(FieldType.USER, SHARED, false),
                    "subject", new FieldSpec(FieldType.STRING, SHARED, true),
                    "dueDate", FieldSpec.shared(FieldType.DATE))),
            type("Meeting", true, Map.of(
                    "title", new FieldSpec(FieldType.STRING, SHARED, true),
                    "kind", FieldSpec.oneOf("SALES", "INTERFACE_COMMITTEE", "OTHER"),
                    "chair", FieldSpec.shared(FieldType.USER),
                    "agenda", FieldSpec.shared(FieldType.LIST),
                    "attendees", FieldSpec.shared(FieldType.USER_LIST),
                    "scheduledAt", FieldSpec.shared(FieldType.DATETIME),
                    "minutesApproved", FieldSpec.shared(FieldType.BOOLEAN))),
            type("IncentivePlan", true, Map.of(
                    "userId", new FieldSpec(FieldType.USER, SHARED, true),
                    "metrics", new FieldSpec(FieldType.LIST, SHARED, true))),
            type("AccountPlan", true, Map.of(
                    "accountId", new FieldSpec(FieldType.STRING, SHARED, true),
                    "tier", FieldSpec.shared(FieldType.ANY),
                    "medicalObjective", new FieldSpec(FieldType.STRING, MEDICAL_ONLY, false),
                    "commercialObjective", new FieldSpec(FieldType.STRING, COMMERCIAL_ONLY, false),
                    "mslCallFrequency", new FieldSpec(FieldType.ANY, MEDICAL_ONLY, false))),
            type("MedicalEducationEvent", true, Map.of(
                    "title", new FieldSpec(FieldType.STRING, SHARED, true),
                    "objective", new FieldSpec(FieldType.STRING, MEDICAL_ONLY, false),
                    "educationalNeed", new FieldSpec(FieldType.STRING, MEDICAL_ONLY, false),
                    "content", new FieldSpec(FieldType.ANY, MEDICAL_ONLY, false),
                    "logistics", new FieldSpec(FieldType.OBJECT, COMMERCIAL_ONLY, false),
                    "sessions", FieldSpec.shared(FieldType.LIST),
                    "expenses", FieldSpec.shared(FieldType.LIST),
                    "speakers", FieldSpec.shared(FieldType.LIST))),
            type("OutboundMessage", true, Map.of(
                    "hcpId", new FieldSpec(FieldType.STRING, SHARED, true),
                    "channel", FieldSpec.oneOf("EMAIL", "LETTER", "PORTAL"),
                    "subject", FieldSpec.shared(FieldType.STRING),
                    "body", new FieldSpec(FieldType.STRING, SHARED, true))));

    private static RecordTypeDescriptor type(String name, boolean guarded, Map<String, FieldSpec> fields) {
        return new RecordTypeDescriptor(name, fields, guarded, true, Classification.SHARED);
    }

    @Override
    public List<RecordTypeDescriptor> recordTypes() {
        return TYPES;
    }
}
