package org.firewalldoors.compliance.internal.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Finding;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.firewalldoors.api.host.Verdict;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.PrincipalCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.RelatedCondition;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * Decides one operation under one compiled policy. Rules first (a block wins
 * and forbids everything else), then the firewall: classified data that no
 * door opens does not cross.
 */
public final class PolicyEngine {

    private final Function<String, Optional<Principal>> users;
    private final EventHistory history;
    private final Clock clock;

    /** @param users finds principals by id, to check managers (F1) and user ids inside list elements (E3) */
    public PolicyEngine(Function<String, Optional<Principal>> users) {
        this(users, EventHistory.NONE);
    }

    /**
     * @param users   finds principals by id, to check managers (F1) and user ids inside list elements (E3)
     * @param history answers the questions of the X8 rules about other events
     */
    public PolicyEngine(Function<String, Optional<Principal>> users, EventHistory history) {
        this(users, history, Clock.systemUTC());
    }

    PolicyEngine(Function<String, Optional<Principal>> users, EventHistory history, Clock clock) {
        this.users = users;
        this.history = history;
        this.clock = clock;
    }

    /** @return the decision; never throws for a refusal */
    public Decision decide(CompiledPolicy policy, Operation op) {
        OperationView view = new OperationView(op, policy.terms());
        List<Finding> findings = new ArrayList<>();
        for (CompiledRule rule : policy.rulesFor(op.action(), op.recordType().name())) {
            List<PhraseMatch> offending = new ArrayList<>();
            if (!matches(rule, view, offending)) {
                continue;
            }
            if (rule.blocks()) {
                List<Finding> blockFindings = rule.escalate()
                        ? List.of(new Finding(FindingKind.ESCALATE, rule.id(), rule.requirement(), rule.message()))
                        : List.of();
                return Decision.block(refusal(rule, offending), blockFindings, policy.id(), policy.version());
            }
            findings.add(new Finding(rule.effect(), rule.id(), rule.requirement(), describe(rule, offending)));
            if (rule.escalate()) {
                findings.add(new Finding(FindingKind.ESCALATE, rule.id(), rule.requirement(), rule.message()));
            }
        }
        // No rule blocked: the statistical tier may flag what the rules let through, never block it (issue 15).
        if (policy.classifier() != null) {
            policy.classifier().flag(op, view).ifPresent(findings::add);
        }
        return Firewall.apply(policy, op, view, findings, c -> matches(c, view, new ArrayList<>()));
    }

    /**
     * @return the FLAG finding of the policy's classifier on the operation, whatever the rules decide; empty when
     *         the policy has none or it does not flag (what an evaluation counts, issue 15)
     */
    public Optional<Finding> classify(CompiledPolicy policy, Operation op) {
        return policy.classifier() == null ? Optional.empty()
                : policy.classifier().flag(op, new OperationView(op, policy.terms()));
    }

    /**
     * Every rule whose conditions hold for the operation, in document order, without stopping at the first block
     * and without the firewall: what an evaluation against a labelled corpus counts (issue 15).
     */
    public List<RuleHit> hits(CompiledPolicy policy, Operation op) {
        OperationView view = new OperationView(op, policy.terms());
        List<RuleHit> hits = new ArrayList<>();
        for (CompiledRule rule : policy.rulesFor(op.action(), op.recordType().name())) {
            List<PhraseMatch> offending = new ArrayList<>();
            if (matches(rule, view, offending)) {
                hits.add(new RuleHit(rule.id(), rule.requirement(), rule.blocks(),
                        offending.stream().map(PhraseMatch::originalText).distinct().toList()));
            }
        }
        return hits;
    }

    private static Refusal refusal(CompiledRule rule, List<PhraseMatch> offending) {
        // Only phrases of a term list make a refusal about content by default; user and HCP ids do not.
        boolean content = offending.stream().anyMatch(m -> !m.list().isEmpty());
        RefusalKind kind = rule.refusal() != null ? rule.refusal() : content ? RefusalKind.CONTENT : RefusalKind.DENIED;
        List<String> spans = offending.stream().map(PhraseMatch::originalText).distinct().toList();
        return new Refusal(kind, rule.id(), rule.requirement(), describe(rule, offending), spans);
    }

    private static String describe(CompiledRule rule, List<PhraseMatch> offending) {
        if (offending.isEmpty()) {
            return rule.message();
        }
        StringBuilder b = new StringBuilder(rule.message()).append(" Remove: ");
        Set<String> seen = new LinkedHashSet<>();
        offending.forEach(m -> seen.add("\"" + m.originalText() + "\""));
        return b.append(String.join(", ", seen)).append('.').toString();
    }

    private boolean matches(CompiledRule rule, OperationView view, List<PhraseMatch> offending) {
        Operation op = view.op;
        if (!rule.recordTypes().isEmpty() && !rule.recordTypes().contains(op.recordType().name())) {
            return false;
        }
        if (!matches(rule.actor(), op.actor())) {
            return false;
        }
        if (rule.owner() != PrincipalCondition.ANY) {
            Optional<Principal> owner = owner(op);
            if (owner.isEmpty() || !matches(rule.owner(), owner.get())) {
                return false; // an unknown owner is nobody's: the firewall conceals the record
            }
        }
        for (RelatedCondition rel : rule.related()) {
            boolean any = false;
            for (RelatedPrincipal r : op.related()) {
                Principal p = r.principal();
                if (("*".equals(rel.relation()) || r.relation().equals(rel.relation()))
                        && (rel.functions().isEmpty() || rel.functions().contains(p.function()))
                        && (rel.roles().isEmpty() || rel.roles().contains(p.role()))) {
                    any = true;
                    break;
                }
            }
            if (any == rel.absent()) {
                return false;
            }
        }
        for (FieldCondition f : rule.fields()) {
            if (!matches(f, view, offending)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(PrincipalCondition c, Principal p) {
        if (!c.functions().isEmpty() && !c.functions().contains(p.function())) {
            return false;
        }
        if (!c.roles().isEmpty() && !c.roles().contains(p.role())) {
            return false;
        }
        if (c.notFunctions().contains(p.function()) || c.notRoles().contains(p.role())) {
            return false;
        }
        if (!c.managerFunctions().isEmpty()) {
            Optional<Principal> manager = p.manager() == null ? Optional.empty() : users.apply(p.manager());
            return manager.isPresent() && c.managerFunctions().contains(manager.get().function());
        }
        return true;
    }

    boolean matches(FieldCondition f, OperationView view, List<PhraseMatch> offending) {
        boolean all = OperationView.ALL_TEXT.equals(f.field());
        Object value = all ? null : f.stored() ? view.stored(f.field()) : view.values.get(f.field());
        if (f.present() != null && f.present() != (value != null)) {
            return false;
        }
        if (f.changed() != null && f.changed() != (all ? view.anyChanged() : view.changed(f.field()))) {
            return false;
        }
        if (f.namesActor() != null && f.namesActor() != names(value, view.op.actor().id())) {
            return false;
        }
        if (f.equalsValue() != null && !OperationView.sameValue(f.equalsValue(), value)
                && !OperationView.text(f.equalsValue()).equals(OperationView.text(value))) {
            return false;
        }
        if (f.in() != null && (value == null || !anyIn(value, f.in()))) {
            return false;
        }
        if (f.terms() != null) {
            List<PhraseMatch> found = view.matches(f.field(), f.terms(), Boolean.TRUE.equals(f.changed()));
            if (found.isEmpty()) {
                return false;
            }
            offending.addAll(found);
        }
        if (f.notIn() != null && value != null && !anyOutside(value, f.notIn())) {
            return false;
        }
        if (f.elements() != null && !ElementMatcher.matches(f.elements(), value, users, offending)) {
            return false;
        }
        if (f.attendanceOver() != null
                && !EventChecks.attendanceOver(f.attendanceOver(), view, history, clock.instant(), offending)) {
            return false;
        }
        return f.speakerOnOwnTopic() == null || EventChecks.speakerOnOwnTopic(view, history, offending);
    }

    /** @return whether the value is the user id, or a list or object with it among its values */
    private static boolean names(Object value, String userId) {
        if (value instanceof Iterable<?> list) {
            for (Object v : list) {
                if (names(v, userId)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> names(v, userId));
        }
        return userId.equals(value);
    }

    /** @return whether the value, or some element or member of it, is outside the set */
    private static boolean anyOutside(Object value, Set<String> allowed) {
        if (value instanceof Iterable<?> list) {
            for (Object v : list) {
                if (anyOutside(v, allowed)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> anyOutside(v, allowed));
        }
        return !allowed.contains(OperationView.text(value));
    }

    private static boolean anyIn(Object value, Set<String> allowed) {
        if (value instanceof Iterable<?> list) {
            for (Object v : list) {
                if (anyIn(v, allowed)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> anyIn(v, allowed));
        }
        return allowed.contains(OperationView.text(value));
    }

    /**
     * @return the owner of the record: the actor for a CREATE, else the owner as the directory knows them; empty
     *         when the owner is no longer a user
     */
    static Optional<Principal> owner(Operation op) {
        List<Principal> owners = op.related(RelatedPrincipal.OWNER);
        if (!owners.isEmpty()) {
            return Optional.of(owners.get(0));
        }
        return op.before() == null ? Optional.of(op.actor()) : Optional.empty();
    }

    /**
     * @return the classification a policy gives a record, seen by the operation: a type the policy does not
     *         classify is the owner's side (default deny), MEDICAL_ONLY when the owner is neither side
     */
    static Classification recordClassification(CompiledPolicy policy, Operation op) {
        TypeClassification t = policy.classification(op.recordType().name());
        if (t != null && !t.byOwner()) {
            return t.classification();
        }
        Optional<Principal> owner = owner(op);
        if (owner.isEmpty()) {
            return Classification.SHARED; // only oversight gets here (see Firewall): it sees every side
        }
        return switch (owner.get().function()) {
            case MEDICAL -> Classification.MEDICAL_ONLY;
            case COMMERCIAL -> Classification.COMMERCIAL_ONLY;
            default -> t == null ? Classification.MEDICAL_ONLY : Classification.SHARED;
        };
    }

    static boolean isRead(Action a) {
        return a == Action.READ || a == Action.QUERY || a == Action.EXPORT;
    }

    static Decision allow(CompiledPolicy policy, Set<String> redacted, List<Finding> findings) {
        return new Decision(Verdict.ALLOW, null, redacted, findings, policy.id(), policy.version());
    }
}
