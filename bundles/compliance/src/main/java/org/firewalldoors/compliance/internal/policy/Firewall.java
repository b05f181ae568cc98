package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeSet;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;

/**
 * The firewall: anything classified for one side that no door opens does not
 * reach the other side, by any action. Records of the other side are
 * concealed; fields of the other side are redacted from reads and cannot be
 * written. A door lets part of a record cross (see {@link CompiledDoor}).
 */
final class Firewall {

    private static final String DEFAULT_MESSAGE = "This data is on the other side of the medical-commercial firewall.";
    private static final String UNKNOWN_OWNER = "This record's owner is no longer a user: it belongs to neither side "
            + "until compliance gives it an owner.";

    private Firewall() {
    }

    /**
     * @param holds evaluates a field condition against the operation (for a door's {@code excludeWhen})
     */
    static Decision apply(CompiledPolicy policy, Operation op, OperationView view, List<Finding> findings,
            Predicate<FieldCondition> holds) {
        Action action = op.action();
        if ((action == Action.QUERY || action == Action.EXPORT) && op.before() == null) {
            return PolicyEngine.allow(policy, Set.of(), findings); // each record is decided on its own
        }
        Side side = Side.of(op.actor().function());
        String type = op.recordType().name();
        TypeClassification t = policy.classification(type);
        String requirement = t == null ? null : t.requirement();
        String message = t == null || t.message() == null ? DEFAULT_MESSAGE : t.message();
        Optional<Principal> owner = PolicyEngine.owner(op);
        if (owner.isEmpty() && (t == null || t.byOwner()) && side != Side.OVERSIGHT) {
            // The owner left the directory: the record is nobody's side, so no business user reads or writes it.
            return Decision.block(new Refusal(RefusalKind.CONCEALED, ruleId(type) + ".unknown-owner", requirement,
                    UNKNOWN_OWNER, null), policy.id(), policy.version());
        }
        Classification recordClass = PolicyEngine.recordClassification(policy, op);
        Map<String, Object> stored = op.before() == null ? op.after() : op.before().fields();

        if (side.isForeign(recordClass)) {
            Optional<CompiledDoor> door = door(policy, type, action, recordClass, side, op.actor().id(), stored);
            if (door.isEmpty()) {
                return Decision.block(new Refusal(RefusalKind.CONCEALED, ruleId(type), requirement, message, null),
                        policy.id(), policy.version());
            }
            return cross(policy, door.get(), op, view, requirement, findings, holds);
        }

        if (action == Action.SHARE) {
            for (Principal recipient : op.related(RelatedPrincipal.RECIPIENT)) {
                Side to = Side.of(recipient.function());
                if (to.isForeign(recordClass)
                        && door(policy, type, action, recordClass, to, recipient.id(), stored).isEmpty()) {
                    return Decision.block(new Refusal(RefusalKind.DENIED, ruleId(type) + ".share", requirement,
                            message + " It cannot be shared with " + recipient.id() + ".", null),
                            policy.id(), policy.version());
                }
            }
        }

        Map<String, Classification> classes = fieldClasses(op, view, t, owner, side);
        if (action == Action.DELETE) {
            // A delete writes every field the record can hold: it needs the right to write each one, judged on the
            // type (not on which fields this record holds, which would tell the other side's fields apart).
            boolean foreign = classes.values().stream().anyMatch(side::isForeign)
                    || op.recordType().extensible() && side.isForeign(otherField(op, t, owner, side));
            if (foreign) {
                return Decision.block(new Refusal(RefusalKind.DENIED, ruleId(type) + ".delete", requirement,
                        "A delete removes every field of the record, and some fields of " + type + " are the other "
                                + "side's to write. " + message, null), policy.id(), policy.version());
            }
        }
        Set<String> redacted = new LinkedHashSet<>();
        for (Map.Entry<String, Classification> field : classes.entrySet()) {
            if (!side.isForeign(field.getValue())) {
                continue;
            }
            String name = field.getKey();
            if (!PolicyEngine.isRead(action) && action != Action.DELETE && action != Action.SHARE
                    && view.changed(name)) {
                return Decision.block(new Refusal(RefusalKind.DENIED, ruleId(type) + "." + name, requirement,
                        "Only " + owningSide(field.getValue()) + " may write '" + name + "'. " + message, null),
                        policy.id(), policy.version());
            }
            redacted.add(name);
        }
        if (!redacted.isEmpty() && PolicyEngine.isRead(action)) {
            findings.add(new Finding(FindingKind.REDACT, ruleId(type), requirement == null ? "A2" : requirement,
                    "withheld " + redacted));
        }
        return PolicyEngine.allow(policy, redacted, findings);
    }

    /** @return the id of the firewall's rule for a type (made only when a decision quotes it) */
    private static String ruleId(String type) {
        return "firewall." + type;
    }

    /**
     * A crossing through a door: only the door's fields cross, minus those whose text matches one of its
     * {@code redactTerms} lists (K3); a record matching one of its {@code excludeWhen} conditions does not cross
     * at all and is concealed as if it did not exist (X3).
     */
    private static Decision cross(CompiledPolicy policy, CompiledDoor door, Operation op, OperationView view,
            String requirement, List<Finding> findings, Predicate<FieldCondition> holds) {
        for (CompiledRule.FieldCondition exclusion : door.excludeWhen()) {
            if (PolicyEngine.isRead(op.action()) && holds.test(exclusion)) {
                return Decision.block(new Refusal(RefusalKind.CONCEALED, door.id() + ".excluded", door.requirement(),
                        door.message() + " This record is excluded from the door (" + exclusion.field() + ").", null),
                        policy.id(), policy.version());
            }
        }
        Set<String> redacted = new LinkedHashSet<>(view.values.keySet());
        redacted.addAll(op.recordType().fields().keySet());
        redacted.removeAll(door.fields());
        Set<String> withheld = new TreeSet<>();
        for (String field : door.fields()) {
            if (view.values.containsKey(field)
                    && door.redactTerms().stream().anyMatch(list -> !view.matches(field, list).isEmpty())) {
                withheld.add(field);
            }
        }
        redacted.addAll(withheld);
        findings.add(new Finding(FindingKind.CROSSING, door.id(), door.requirement(), door.message()));
        if (!withheld.isEmpty()) {
            findings.add(new Finding(FindingKind.REDACT, door.id(), requirement,
                    "withheld " + withheld + " from the crossing: their text matches " + door.redactTerms()));
        }
        return PolicyEngine.allow(policy, redacted, findings);
    }

    private static String owningSide(Classification c) {
        return c == Classification.MEDICAL_ONLY ? "Medical Affairs" : "Commercial";
    }

    /**
     * Field classifications: the host's declaration, overridden by the policy; a field that neither classifies
     * takes the policy's {@code otherFields}, else the host's default classification for the type, else the
     * owner's side (default deny: a field nobody classified is not the other side's to see or write).
     */
    private static Map<String, Classification> fieldClasses(Operation op, OperationView view, TypeClassification t,
            Optional<Principal> owner, Side side) {
        Map<String, Classification> classes = new LinkedHashMap<>();
        for (Map.Entry<String, FieldSpec> e : op.recordType().fields().entrySet()) {
            if (e.getValue().classification() != Classification.SHARED) {
                classes.put(e.getKey(), e.getValue().classification());
            }
        }
        if (t != null) {
            classes.putAll(t.fields());
        }
        // Fields neither classifies: the same classification for all of them, worked out once if there are any.
        Classification other = null;
        for (Map<String, Object> fields : op.before() == null || op.before().fields() == view.values
                ? List.of(view.values) : List.of(view.values, op.before().fields())) {
            for (String name : fields.keySet()) {
                if (op.recordType().field(name) == null && !classes.containsKey(name)) {
                    if (other == null) {
                        other = otherField(op, t, owner, side);
                    }
                    classes.put(name, other);
                }
            }
        }
        return classes;
    }

    private static Classification otherField(Operation op, TypeClassification t, Optional<Principal> owner,
            Side side) {
        if (t != null && t.otherFields() != null) {
            return t.otherFields();
        }
        if (op.recordType().defaultClassification() != Classification.SHARED) {
            return op.recordType().defaultClassification();
        }
        if (owner.isEmpty()) {
            // Nobody's: the other side's, whoever asks.
            return side == Side.MEDICAL ? Classification.COMMERCIAL_ONLY
                    : side == Side.COMMERCIAL ? Classification.MEDICAL_ONLY : Classification.SHARED;
        }
        return owner.get().function() == BusinessFunction.COMMERCIAL ? Classification.COMMERCIAL_ONLY
                : Classification.MEDICAL_ONLY;
    }

    private static Optional<CompiledDoor> door(CompiledPolicy policy, String type, Action action,
            Classification dataClass, Side to, String userId, Map<String, Object> values) {
        Side from = dataClass == Classification.MEDICAL_ONLY ? Side.MEDICAL : Side.COMMERCIAL;
        return policy.doors().stream().filter(d -> d.recordType().equals(type) && d.from() == from && d.to() == to
                && d.actions().contains(action) && d.opensTo(userId, values)).findFirst();
    }
}
