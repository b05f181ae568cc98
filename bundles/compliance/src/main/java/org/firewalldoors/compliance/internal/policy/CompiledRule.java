package org.firewalldoors.compliance.internal.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.RefusalKind;

/** A rule ready for evaluation. {@code effect} is null for a BLOCK. */
record CompiledRule(int order, String id, String requirement, String citation, String message, FindingKind effect,
        RefusalKind refusal, boolean escalate, String category, Set<Action> actions, Set<String> recordTypes,
        PrincipalCondition actor, PrincipalCondition owner, List<RelatedCondition> related,
        List<FieldCondition> fields) {

    boolean blocks() {
        return effect == null;
    }

    /** Conditions on a principal; empty sets match anything, empty {@code not...} sets exclude nothing. */
    record PrincipalCondition(Set<BusinessFunction> functions, Set<String> roles, Set<BusinessFunction> managerFunctions,
            Set<BusinessFunction> notFunctions, Set<String> notRoles) {
        static final PrincipalCondition ANY = new PrincipalCondition(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * Some principal related to the operation by {@code relation} ("*" for any) matches; with {@code absent},
     * none does (G1: no chair who is head of medical affairs; G6: no compliance officer among the attendees).
     */
    record RelatedCondition(String relation, Set<BusinessFunction> functions, Set<String> roles, boolean absent) {
        RelatedCondition(String relation, Set<BusinessFunction> functions, Set<String> roles) {
            this(relation, functions, roles, false);
        }
    }

    /**
     * Conditions on one field ("*" for all text); null members are not checked. {@code elements} looks into the
     * elements of a list field (E3, G4, G5); {@code attendanceOver} and {@code speakerOnOwnTopic} ask the event
     * history (X8); {@code stored} reads the record as stored before the operation and {@code namesActor} asks
     * whether the field names the actor (G6).
     */
    record FieldCondition(String field, Object equalsValue, Set<String> in, Boolean present, Boolean changed,
            String terms, Set<String> notIn, ElementCondition elements, AttendanceLimit attendanceOver,
            Boolean speakerOnOwnTopic, boolean stored, Boolean namesActor) {
        FieldCondition(String field, Object equalsValue, Set<String> in, Boolean present, Boolean changed,
                String terms) {
            this(field, equalsValue, in, present, changed, terms, null, null, null, null, false, null);
        }
    }

    /**
     * Selects elements of a list field: each key of {@code where} has one of its values, each key of
     * {@code whereNot} has none of its values; then, if any user condition is given, some user id of the element
     * (under {@code usersIn}, or anywhere in it) names a user with one of the functions or roles.
     */
    record ElementCondition(Map<String, Set<String>> where, Map<String, Set<String>> whereNot, String usersIn,
            Set<BusinessFunction> userFunctions, Set<String> userRoles) {
        boolean checksUsers() {
            return !userFunctions.isEmpty() || !userRoles.isEmpty();
        }
    }

    /** More than {@code max} attendances within any {@code withinDays} days (X8). */
    record AttendanceLimit(int max, int withinDays) {
    }
}
