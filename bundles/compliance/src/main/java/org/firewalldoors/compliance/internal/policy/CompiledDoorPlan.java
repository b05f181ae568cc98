package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.PrincipalCondition;

/**
 * The door of one policy for many reads that differ only in their record and its owner (a KOL export: one reader,
 * one action, one record type), compiled once: which rules can apply to the reader, the record's side, the door
 * that opens, the fields it lets through, and a matcher of its {@code redactTerms} lists alone (K3). Each record is
 * then decided on its own content: the door's exclusions (X3) and a scan of the door's fields for those lists only.
 * Every decision is exactly the one {@link PolicyEngine#decide} gives; where something the plan did not settle could
 * change it (a rule that may apply to the reader, a side that depends on the owner, a door with participants), the
 * plan asks the engine for every record. Thread-safe.
 */
public final class CompiledDoorPlan {

    private final CompiledPolicy policy;
    private final PolicyEngine engine;
    /** The door every record crosses by, or null when the plan decides nothing itself. */
    private final CompiledDoor door;
    private final TermMatcher redact;
    private final List<String> redactLists;
    /** The fields of the record type that the door does not let through, in the type's order. */
    private final List<String> typeFieldsKept;
    private final String requirement;
    private final Finding crossing;
    /** Object keys (a schema's few names, as a rule) and whether they match: a key is read as words once. */
    private final Map<String, Boolean> names = new ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 1024;

    private CompiledDoorPlan(CompiledPolicy policy, PolicyEngine engine, CompiledDoor door, List<String> typeFieldsKept,
            String requirement) {
        this.policy = policy;
        this.engine = engine;
        this.door = door;
        this.requirement = requirement;
        this.typeFieldsKept = typeFieldsKept;
        this.redactLists = door == null ? List.of() : List.copyOf(door.redactTerms());
        this.redact = door == null || redactLists.isEmpty() ? null : policy.terms().restrictedTo(door.redactTerms());
        this.crossing = door == null ? null
                : new Finding(FindingKind.CROSSING, door.id(), door.requirement(), door.message());
    }

    /**
     * @param template the reads to plan: its caller, action and record type are every record's
     * @return the plan of the template's reads under {@code policy}
     */
    public static CompiledDoorPlan of(CompiledPolicy policy, PolicyEngine engine, Operation template) {
        return new CompiledDoorPlan(policy, engine, door(policy, template), typeFieldsKept(policy, template),
                requirement(policy, template));
    }

    /** @return the policy the plan was compiled for */
    public CompiledPolicy policy() {
        return policy;
    }

    /** @return whether the plan settles its reads itself, or asks the engine for each (for diagnostics and tests) */
    public boolean compiled() {
        return door != null;
    }

    /**
     * @param op one of the planned reads: the template's caller, action and record type, a record (as the stored
     *           record) and its owner
     * @return what {@link PolicyEngine#decide} answers for {@code op} under the plan's policy
     */
    public Decision decide(Operation op) {
        return decide(() -> op, op.before() == null ? null : op.before().fields());
    }

    /**
     * @param op     one of the planned reads, made only if the plan needs it (to ask the engine, or the door's
     *               exclusions)
     * @param values the fields of its record
     * @return what {@link PolicyEngine#decide} answers for the read under the plan's policy
     */
    public Decision decide(Supplier<Operation> op, Map<String, Object> values) {
        if (door == null || values == null) {
            return engine.decide(policy, op.get());
        }
        if (!door.excludeWhen().isEmpty()) {
            OperationView view = new OperationView(op.get(), policy.terms());
            for (FieldCondition exclusion : door.excludeWhen()) {
                if (engine.matches(exclusion, view, new ArrayList<>())) {
                    return Decision.block(new Refusal(RefusalKind.CONCEALED, door.id() + ".excluded",
                            door.requirement(), door.message() + " This record is excluded from the door ("
                                    + exclusion.field() + ").", null), policy.id(), policy.version());
                }
            }
        }
        // As the firewall builds it: the record's fields, then the type's, but those the door lets through.
        Set<String> redacted = new LinkedHashSet<>();
        for (String name : values.keySet()) {
            if (!door.fields().contains(name)) {
                redacted.add(name);
            }
        }
        for (String name : typeFieldsKept) {
            redacted.add(name);
        }
        Set<String> withheld = null;
        if (redact != null) {
            for (String field : door.fields()) {
                Object value = values.get(field);
                if (value != null && matchesRedactTerms(value)) {
                    if (withheld == null) {
                        withheld = new TreeSet<>();
                    }
                    withheld.add(field);
                }
            }
        }
        if (withheld == null) {
            return PolicyEngine.allow(policy, redacted, List.of(crossing));
        }
        redacted.addAll(withheld);
        return PolicyEngine.allow(policy, redacted, List.of(crossing, new Finding(FindingKind.REDACT, door.id(),
                requirement, "withheld " + withheld + " from the crossing: their text matches " + door.redactTerms())));
    }

    /**
     * @return whether a text of the value has a phrase of one of the door's lists: the texts
     *         {@link FieldText#collect} reads in it (strings, runs of string items joined by a space, the keys and
     *         values of objects), without making strings of them where it can
     */
    private boolean matchesRedactTerms(Object value) {
        if (value instanceof String s) {
            return matchesRedactTerms((CharSequence) s);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (nameMatches(String.valueOf(e.getKey())) || matchesRedactTerms(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Iterable<?> list) {
            StringBuilder run = null;
            for (Object v : list) {
                if (v instanceof String s) {
                    run = run == null ? new StringBuilder(s) : run.append(' ').append(s);
                    continue;
                }
                if (run != null && matchesRedactTerms(run)) {
                    return true;
                }
                run = null;
                if (matchesRedactTerms(v)) {
                    return true;
                }
            }
            return run != null && matchesRedactTerms(run);
        }
        return false;
    }

    /** @return whether an object key, read as words ({@link FieldText#name}), has a phrase of the door's lists */
    private boolean nameMatches(String name) {
        Boolean known = names.get(name);
        if (known == null) {
            known = matchesRedactTerms(FieldText.name(name).scanned());
            if (names.size() < NAMES_KEPT) {
                names.put(name, known);
            }
        }
        return known;
    }

    private boolean matchesRedactTerms(CharSequence text) {
        for (String list : redactLists) {
            if (redact.occursIn(text, list)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the door every planned read crosses by, or null when that depends on the record (or there is none):
     *         no rule may apply to the reader, the record type's side is fixed and foreign to the reader, and the
     *         first door for it opens to everyone
     */
    private static CompiledDoor door(CompiledPolicy policy, Operation template) {
        Action action = template.action();
        if (!PolicyEngine.isRead(action) || action == Action.QUERY) {
            return null;
        }
        String type = template.recordType().name();
        Principal reader = template.actor();
        for (CompiledRule rule : policy.rulesFor(action, type)) {
            if (mayApply(rule.actor(), reader)) {
                return null;
            }
        }
        TypeClassification t = policy.classification(type);
        if (t == null || t.byOwner()) {
            return null;
        }
        Side side = Side.of(reader.function());
        if (!side.isForeign(t.classification())) {
            return null;
        }
        Side from = t.classification() == org.firewalldoors.api.host.Classification.MEDICAL_ONLY ? Side.MEDICAL
                : Side.COMMERCIAL;
        for (CompiledDoor d : policy.doors()) {
            if (d.recordType().equals(type) && d.from() == from && d.to() == side && d.actions().contains(action)) {
                return d.participants().isEmpty() ? d : null;
            }
        }
        return null;
    }

    /** @return whether a rule's condition on the actor may hold for the reader (a manager's function may change) */
    private static boolean mayApply(PrincipalCondition c, Principal p) {
        if (!c.functions().isEmpty() && !c.functions().contains(p.function())) {
            return false;
        }
        if (!c.roles().isEmpty() && !c.roles().contains(p.role())) {
            return false;
        }
        return !c.notFunctions().contains(p.function()) && !c.notRoles().contains(p.role());
    }

    private static List<String> typeFieldsKept(CompiledPolicy policy, Operation template) {
        CompiledDoor d = door(policy, template);
        List<String> kept = new ArrayList<>();
        if (d != null) {
            for (String name : template.recordType().fields().keySet()) {
                if (!d.fields().contains(name)) {
                    kept.add(name);
                }
            }
        }
        return kept;
    }

    private static String requirement(CompiledPolicy policy, Operation template) {
        TypeClassification t = policy.classification(template.recordType().name());
        return t == null ? null : t.requirement();
    }
}
