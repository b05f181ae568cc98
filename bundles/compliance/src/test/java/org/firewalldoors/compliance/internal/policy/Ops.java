package org.firewalldoors.compliance.internal.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;

/** Principals, record types and operations for the policy tests. */
final class Ops {

    static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", "salesdir.us");
    static final Principal SALESDIR = new Principal("salesdir.us", BusinessFunction.COMMERCIAL, "SALES_DIRECTOR", "US", null);
    static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", "msldir.us");
    static final Principal MSL_DIR = new Principal("msldir.us", BusinessFunction.MEDICAL, "MSL_DIRECTOR", "US", null);
    static final Principal MSL_UNDER_SALES = new Principal("msl3.us", BusinessFunction.MEDICAL, "MSL", "US", "salesdir.us");
    static final Principal COMPLIANCE = new Principal("compliance.us", BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER", "US", null);
    static final Principal ADMIN = new Principal("admin", BusinessFunction.ADMIN, "ADMIN", "GLOBAL", null);

    static RecordTypeDescriptor type(String name, Map<String, FieldSpec> fields) {
        return new RecordTypeDescriptor(name, fields, true, true, Classification.SHARED);
    }

    static final RecordTypeDescriptor CALL_REPORT = type("CallReport", Map.of("notes", FieldSpec.shared(FieldType.STRING)));
    static final RecordTypeDescriptor TASK = type("Task", Map.of("assignee", FieldSpec.shared(FieldType.USER),
            "subject", FieldSpec.shared(FieldType.STRING)));
    static final RecordTypeDescriptor ACCOUNT_PLAN = type("AccountPlan", Map.of(
            "accountId", FieldSpec.shared(FieldType.STRING),
            "medicalObjective", new FieldSpec(FieldType.STRING, Classification.MEDICAL_ONLY, false),
            "commercialObjective", new FieldSpec(FieldType.STRING, Classification.COMMERCIAL_ONLY, false),
            "mslCallFrequency", new FieldSpec(FieldType.ANY, Classification.MEDICAL_ONLY, false)));
    static final RecordTypeDescriptor MEETING = type("Meeting", Map.of("agenda", FieldSpec.shared(FieldType.LIST),
            "attendees", FieldSpec.shared(FieldType.USER_LIST)));
    static final RecordTypeDescriptor KOL = type("KolProfile", Map.of("name", FieldSpec.shared(FieldType.STRING),
            "dataGaps", FieldSpec.shared(FieldType.LIST), "visitNotes", FieldSpec.shared(FieldType.STRING)));

    static CrmRecord record(RecordTypeDescriptor type, Principal owner, Map<String, Object> fields) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new CrmRecord(type.name(), "r-1", fields, owner.id(), owner.region(), 1, now, now);
    }

    static Operation create(Principal actor, RecordTypeDescriptor type, Map<String, Object> fields,
            RelatedPrincipal... related) {
        List<RelatedPrincipal> all = new ArrayList<>(List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, actor)));
        all.addAll(List.of(related));
        return new Operation(Caller.java(actor), Action.CREATE, type, "r-1", null, fields, all, actor.region());
    }

    static Operation on(Principal actor, Action action, CrmRecord record, Principal owner, Map<String, Object> after,
            RelatedPrincipal... related) {
        RecordTypeDescriptor type = switch (record.type()) {
            case "CallReport" -> CALL_REPORT;
            case "Task" -> TASK;
            case "AccountPlan" -> ACCOUNT_PLAN;
            case "Meeting" -> MEETING;
            default -> KOL;
        };
        List<RelatedPrincipal> all = new ArrayList<>(List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, owner)));
        all.addAll(List.of(related));
        return new Operation(Caller.java(actor), action, type, record.id(), record, after, all, record.region());
    }

    private Ops() {
    }
}
