package org.firewalldoors.compliance.internal.policy;

import java.util.List;
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

    /** Conditions on a principal; empty sets match anything. */
    record PrincipalCondition(Set<BusinessFunction> functions, Set<String> roles, Set<BusinessFunction> managerFunctions) {
        static final PrincipalCondition ANY = new PrincipalCondition(Set.of(), Set.of(), Set.of());
    }

    /** Some principal related to the operation by {@code relation} ("*" for any) matches. */
    record RelatedCondition(String relation, Set<BusinessFunction> functions, Set<String> roles) {
    }

    /** Conditions on one field ("*" for all text); null members are not checked. */
    record FieldCondition(String field, Object equalsValue, Set<String> in, Boolean present, Boolean changed,
            String terms) {
    }
}
