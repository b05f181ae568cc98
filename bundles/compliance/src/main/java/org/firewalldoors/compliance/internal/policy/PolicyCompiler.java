package org.firewalldoors.compliance.internal.policy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.FindingKind;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.compliance.internal.classify.Classifier;
import org.firewalldoors.compliance.internal.policy.CompiledRule.AttendanceLimit;
import org.firewalldoors.compliance.internal.policy.CompiledRule.ElementCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.FieldCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.PrincipalCondition;
import org.firewalldoors.compliance.internal.policy.CompiledRule.RelatedCondition;

/**
 * Parses, validates and compiles a policy document. A document with any
 * problem is refused whole; the exception names the document, the element
 * and the problem.
 */
public final class PolicyCompiler {

    private static final Pattern REQUIREMENT = Pattern.compile("[FAHKEOGX][1-9]");
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Gson GSON = new Gson();

    private PolicyCompiler() {
    }

    /**
     * @param document the name of the document, for messages
     * @param json     its content
     * @param source   where it came from (bundle and document)
     */
    public static CompiledPolicy compile(String document, String json, String source) throws PolicyException {
        return compile(document, json, source, null);
    }

    /** Reads a resource of the policy's bundle, such as a classifier's weights. */
    @FunctionalInterface
    public interface Resources {
        /** @return the resource's text; @throws java.io.IOException when there is none */
        String read(String path) throws java.io.IOException;
    }

    /**
     * As {@link #compile(String, String, String)}, with the resources the document names (a classifier's weights).
     * Without resources ({@code null}) a classifier section is checked but not loaded: no statistical tier.
     */
    public static CompiledPolicy compile(String document, String json, String source, Resources resources)
            throws PolicyException {
        PolicyDocument doc;
        try {
            doc = GSON.fromJson(json, PolicyDocument.class);
        } catch (JsonParseException e) {
            throw new PolicyException(document, "document", "not valid JSON for a policy: " + e.getMessage());
        }
        if (doc == null) {
            throw new PolicyException(document, "document", "empty");
        }
        return new PolicyCompiler.Run(document, source, resources).compile(doc);
    }

    private static final class Run {
        private final String document;
        private final String source;
        private final Resources resources;

        Run(String document, String source, Resources resources) {
            this.document = document;
            this.source = source;
            this.resources = resources;
        }

        CompiledPolicy compile(PolicyDocument doc) throws PolicyException {
            check(doc.id != null && POLICY_ID.matcher(doc.id).matches(), "policy", "'id' must be a lower-case identifier");
            check(notBlank(doc.version), "policy", "'version' is missing");
            check(doc.region != null && doc.region.matches("[A-Z]{2,16}"), "policy",
                    "'region' must be an upper-case region code");

            TermMatcher.Builder terms = new TermMatcher.Builder();
            Map<String, List<String>> lists = doc.termLists == null ? Map.of() : doc.termLists;
            Set<String> leetspeak = new HashSet<>();
            for (String list : nonNull(doc.leetspeak)) {
                check(list != null && lists.containsKey(list), "leetspeak", "unknown term list '" + list + "'");
                check(leetspeak.add(list), "leetspeak", "term list '" + list + "' is named twice");
            }
            Set<String> typos = new HashSet<>();
            for (String list : nonNull(doc.typos)) {
                check(list != null && lists.containsKey(list), "typos", "unknown term list '" + list + "'");
                check(typos.add(list), "typos", "term list '" + list + "' is named twice");
                terms.typos(list);
            }
            for (Map.Entry<String, List<String>> e : lists.entrySet()) {
                String where = "termLists." + e.getKey();
                check(notBlank(e.getKey()), "termLists", "a term list has no name");
                check(e.getValue() != null && !e.getValue().isEmpty(), where, "has no phrases");
                for (String phrase : e.getValue()) {
                    check(notBlank(phrase), where, "has a blank phrase");
                    try {
                        terms.add(e.getKey(), phrase, leetspeak.contains(e.getKey()));
                    } catch (IllegalArgumentException ex) {
                        throw new PolicyException(document, where, ex.getMessage());
                    }
                }
            }

            Map<String, List<String>> exceptions = doc.exceptions == null ? Map.of() : doc.exceptions;
            for (Map.Entry<String, List<String>> e : exceptions.entrySet()) {
                String where = "exceptions." + e.getKey();
                check(lists.containsKey(e.getKey()), where, "unknown term list '" + e.getKey() + "'");
                check(e.getValue() != null && !e.getValue().isEmpty(), where, "has no phrases");
                for (String phrase : e.getValue()) {
                    check(notBlank(phrase), where, "has a blank phrase");
                    try {
                        terms.addException(e.getKey(), phrase, leetspeak.contains(e.getKey()));
                    } catch (IllegalArgumentException ex) {
                        throw new PolicyException(document, where, ex.getMessage());
                    }
                }
            }

            Map<String, TypeClassification> firewall = new LinkedHashMap<>();
            if (doc.firewall != null && doc.firewall.recordTypes != null) {
                for (Map.Entry<String, PolicyDocument.TypeClass> e : doc.firewall.recordTypes.entrySet()) {
                    firewall.put(e.getKey(), typeClass("firewall.recordTypes." + e.getKey(), e.getValue()));
                }
            }

            List<CompiledDoor> doors = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (PolicyDocument.Door d : nonNull(doc.doors)) {
                doors.add(door(d, ids, lists.keySet()));
            }

            List<CompiledRule> rules = new ArrayList<>();
            for (PolicyDocument.Rule r : nonNull(doc.rules)) {
                rules.add(rule(rules.size(), r, ids, lists.keySet()));
            }
            CompiledClassifier classifier = doc.classifier == null ? null : classifier(doc.classifier, ids);
            return new CompiledPolicy(doc.id, doc.version, doc.region, source, firewall, doors,
                    indexByType(rules), indexAnyType(rules), terms.build(), rules.size() + doors.size(), classifier);
        }

        private TypeClassification typeClass(String where, PolicyDocument.TypeClass t) throws PolicyException {
            check(t != null, where, "is empty");
            check(t.requirement == null || REQUIREMENT.matcher(t.requirement).matches(), where,
                    "'requirement' must be a requirement id such as K3");
            boolean byOwner = "BY_OWNER".equals(t.classification);
            Classification c = byOwner || t.classification == null ? Classification.SHARED
                    : enumValue(Classification.class, t.classification, where, "classification");
            Map<String, Classification> fields = new LinkedHashMap<>();
            if (t.fields != null) {
                for (Map.Entry<String, String> f : t.fields.entrySet()) {
                    fields.put(f.getKey(), enumValue(Classification.class, f.getValue(), where + ".fields." + f.getKey(),
                            "classification"));
                }
            }
            Classification other = null;
            if (t.otherFields != null && !"BY_OWNER".equals(t.otherFields)) {
                other = enumValue(Classification.class, t.otherFields, where, "otherFields");
            }
            return new TypeClassification(c, byOwner, fields, other, t.requirement, t.citation, t.message);
        }

        private CompiledDoor door(PolicyDocument.Door d, Set<String> ids, Set<String> lists) throws PolicyException {
            String where = "door " + (d == null ? "?" : d.id);
            check(d != null && d.id != null && RULE_ID.matcher(d.id).matches(), where, "'id' is missing or invalid");
            check(ids.add(d.id), where, "id used twice");
            cited(where, d.requirement, d.citation, d.message);
            check(notBlank(d.recordType), where, "'recordType' is missing");
            Side from;
            Side to;
            if ("MEDICAL_TO_COMMERCIAL".equals(d.direction)) {
                from = Side.MEDICAL;
                to = Side.COMMERCIAL;
            } else if ("COMMERCIAL_TO_MEDICAL".equals(d.direction)) {
                from = Side.COMMERCIAL;
                to = Side.MEDICAL;
            } else {
                throw new PolicyException(document, where, "'direction' must be MEDICAL_TO_COMMERCIAL or COMMERCIAL_TO_MEDICAL");
            }
            check(d.actions != null && !d.actions.isEmpty(), where, "'actions' is missing");
            check(d.fields != null && !d.fields.isEmpty(), where, "'fields' must name what may cross");
            List<FieldCondition> excludeWhen = new ArrayList<>();
            for (PolicyDocument.FieldCondition f : nonNull(d.excludeWhen)) {
                FieldCondition c = fieldCondition(where + ": excludeWhen", f, lists);
                check(c.attendanceOver() == null && c.speakerOnOwnTopic() == null, where,
                        "'excludeWhen' cannot ask the event history");
                excludeWhen.add(c);
            }
            for (String list : nonNull(d.redactTerms)) {
                check(list != null && lists.contains(list), where, "unknown term list '" + list + "' in 'redactTerms'");
            }
            for (String p : nonNull(d.participants)) {
                check(notBlank(p), where, "'participants' must name user fields of the record");
            }
            return new CompiledDoor(d.id, d.requirement, d.citation, d.message, d.recordType, from, to,
                    enumSet(Action.class, d.actions, where, "action"), Set.copyOf(d.fields), List.copyOf(excludeWhen),
                    Set.copyOf(nonNull(d.redactTerms)), List.copyOf(nonNull(d.participants)));
        }

        private CompiledRule rule(int order, PolicyDocument.Rule r, Set<String> ids, Set<String> lists)
                throws PolicyException {
            String where = "rule " + (r == null ? "?" : r.id);
            check(r != null && r.id != null && RULE_ID.matcher(r.id).matches(), where, "'id' is missing or invalid");
            check(ids.add(r.id), where, "id used twice");
            cited(where, r.requirement, r.citation, r.message);
            FindingKind effect = switch (r.effect == null ? "" : r.effect) {
                case "BLOCK" -> null;
                case "FLAG" -> FindingKind.FLAG;
                case "ROUTE_TO_SAFETY" -> FindingKind.ROUTE_TO_SAFETY;
                default -> throw new PolicyException(document, where, "'effect' must be BLOCK, FLAG or ROUTE_TO_SAFETY");
            };
            RefusalKind refusal = null;
            if (r.refusal != null) {
                check(effect == null, where, "'refusal' applies to BLOCK rules only");
                refusal = enumValue(RefusalKind.class, r.refusal, where, "refusal");
                check(refusal == RefusalKind.DENIED || refusal == RefusalKind.CONTENT || refusal == RefusalKind.CONCEALED
                        || refusal == RefusalKind.FORBIDDEN, where, "'refusal' must be DENIED, CONTENT, CONCEALED or FORBIDDEN");
            }
            PolicyDocument.When w = r.when;
            check(w != null, where, "'when' is missing: a rule must say when it applies");
            Set<Action> actions = w.actions == null ? Set.of() : enumSet(Action.class, w.actions, where, "action");
            Set<String> types = w.recordTypes == null ? Set.of() : Set.copyOf(w.recordTypes);
            List<RelatedCondition> related = new ArrayList<>();
            for (PolicyDocument.Related rel : nonNull(w.related)) {
                check(rel != null && notBlank(rel.relation), where, "a 'related' condition has no 'relation'");
                boolean absent = Boolean.TRUE.equals(rel.absent);
                check(!absent || rel.functions != null || rel.roles != null, where,
                        "an 'absent' condition on '" + rel.relation + "' must name functions or roles");
                related.add(new RelatedCondition(rel.relation,
                        enumSet(BusinessFunction.class, rel.functions, where, "function"), strings(rel.roles), absent));
            }
            List<FieldCondition> fields = new ArrayList<>();
            for (PolicyDocument.FieldCondition f : nonNull(w.fields)) {
                FieldCondition c = fieldCondition(where, f, lists);
                if (c.attendanceOver() != null || c.speakerOnOwnTopic() != null) {
                    check(types.equals(Set.of(EventHistory.RECORD_TYPE)) && EventHistory.ATTENDEES.equals(c.field()),
                            where, "the event history knows only field '" + EventHistory.ATTENDEES + "' of "
                                    + EventHistory.RECORD_TYPE + ": name that record type alone");
                }
                fields.add(c);
            }
            return new CompiledRule(order, r.id, r.requirement, r.citation, r.message, effect, refusal, r.escalate,
                    r.category == null ? r.requirement : r.category, actions, types, who(where, w.actor),
                    who(where, w.owner), List.copyOf(related), List.copyOf(fields));
        }

        private FieldCondition fieldCondition(String where, PolicyDocument.FieldCondition f, Set<String> lists)
                throws PolicyException {
            check(f != null && notBlank(f.field), where, "a field condition has no 'field'");
            check(f.terms == null || lists.contains(f.terms), where, "unknown term list '" + f.terms + "'");
            boolean usersChecked = f.usersWithFunction != null || f.usersWithRole != null;
            boolean elements = f.where != null || f.whereNot != null || usersChecked;
            check(f.equals != null || f.in != null || f.present != null || f.changed != null || f.terms != null
                    || f.notIn != null || elements || f.attendanceOver != null || f.speakerOnOwnTopic != null
                    || f.namesActor != null, where, "field condition on '" + f.field + "' checks nothing");
            boolean stored = Boolean.TRUE.equals(f.stored);
            check(!stored || !OperationView.ALL_TEXT.equals(f.field) && f.changed == null && f.terms == null
                    && f.attendanceOver == null && f.speakerOnOwnTopic == null, where, "'stored' on '" + f.field
                    + "' reads one named field of the stored record: it cannot be combined with 'changed', 'terms' "
                    + "or the event history");
            check(f.namesActor == null || !OperationView.ALL_TEXT.equals(f.field), where,
                    "'namesActor' needs a named user field");
            check(f.usersIn == null || usersChecked, where,
                    "'usersIn' on '" + f.field + "' needs 'usersWithFunction' or 'usersWithRole'");
            ElementCondition element = null;
            if (elements) {
                check(!OperationView.ALL_TEXT.equals(f.field), where, "element conditions need a named list field");
                element = new ElementCondition(valueSets(where, f.where), valueSets(where, f.whereNot), f.usersIn,
                        enumSet(BusinessFunction.class, f.usersWithFunction, where, "function"),
                        strings(f.usersWithRole));
            }
            AttendanceLimit attendance = null;
            if (f.attendanceOver != null) {
                PolicyDocument.Attendance a = f.attendanceOver;
                check(a.max != null && a.max >= 0 && a.withinDays != null && a.withinDays > 0, where,
                        "'attendanceOver' needs 'max' (0 or more) and 'withinDays' (1 or more)");
                attendance = new AttendanceLimit(a.max, a.withinDays);
            }
            check(f.speakerOnOwnTopic == null || f.speakerOnOwnTopic, where, "'speakerOnOwnTopic' can only be true");
            return new FieldCondition(f.field, f.equals, f.in == null ? null : stringSet(f.in), f.present, f.changed,
                    f.terms, f.notIn == null ? null : stringSet(f.notIn), element, attendance, f.speakerOnOwnTopic,
                    stored, f.namesActor);
        }

        private Map<String, Set<String>> valueSets(String where, Map<String, Object> values) throws PolicyException {
            if (values == null) {
                return Map.of();
            }
            Map<String, Set<String>> result = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                Object v = e.getValue();
                check(v != null && !(v instanceof Map), where, "element key '" + e.getKey()
                        + "' needs a value or a list of values");
                result.put(e.getKey(), v instanceof List<?> l ? stringSet(l) : Set.of(OperationView.text(v)));
            }
            return Map.copyOf(result);
        }

        private PrincipalCondition who(String where, PolicyDocument.Who w) throws PolicyException {
            if (w == null) {
                return PrincipalCondition.ANY;
            }
            Set<BusinessFunction> functions = enumSet(BusinessFunction.class, w.functions, where, "function");
            Set<BusinessFunction> notFunctions = enumSet(BusinessFunction.class, w.notFunctions, where, "function");
            Set<String> roles = strings(w.roles);
            Set<String> notRoles = strings(w.notRoles);
            check(Collections.disjoint(functions, notFunctions) && Collections.disjoint(roles, notRoles), where,
                    "a function or role is named both in 'functions'/'roles' and in 'notFunctions'/'notRoles'");
            return new PrincipalCondition(functions, roles,
                    enumSet(BusinessFunction.class, w.managerFunctions, where, "function"), notFunctions, notRoles);
        }

        private CompiledClassifier classifier(PolicyDocument.Classifier c, Set<String> ids) throws PolicyException {
            String where = "classifier";
            check(c.id != null && RULE_ID.matcher(c.id).matches() && ids.add(c.id), where,
                    "'id' must be an identifier no rule or door has");
            check(notBlank(c.weights), where, "'weights' must name the resource of the weights");
            check(c.threshold != null && c.threshold > 0 && c.threshold < 1, where,
                    "'threshold' must be a probability between 0 and 1");
            check(c.top == null || (c.top >= 1 && c.top <= 10), where, "'top' must be between 1 and 10");
            check(notBlank(c.message), where, "'message' is missing");
            check(c.reads != null && !c.reads.isEmpty(), where, "'reads' must name the texts it reads");
            List<CompiledClassifier.Read> reads = new ArrayList<>();
            for (PolicyDocument.ClassifierRead r : c.reads) {
                String at = where + ".reads[" + reads.size() + "]";
                check(r != null && notBlank(r.recordType), at, "'recordType' is missing");
                check(r.fields != null && !r.fields.isEmpty() && r.fields.stream().allMatch(PolicyCompiler::notBlank),
                        at, "'fields' must name fields");
                check(r.requirement != null && REQUIREMENT.matcher(r.requirement).matches(), at,
                        "'requirement' must be a requirement id such as H2");
                Set<Action> actions = r.actions == null ? CompiledClassifier.writes()
                        : enumSet(Action.class, r.actions, at, "action");
                for (Action a : actions) {
                    check(a == Action.CREATE || a == Action.UPDATE, at, "reads only CREATE and UPDATE, not " + a);
                }
                reads.add(new CompiledClassifier.Read(r.recordType, List.copyOf(r.fields), Set.copyOf(actions),
                        enumSet(BusinessFunction.class, r.actorFunctions, at, "function"), r.requirement));
            }
            if (resources == null) {
                return null;
            }
            Classifier model;
            try {
                model = Classifier.parse(resources.read(c.weights));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new PolicyException(document, where, "weights '" + c.weights + "': " + e.getMessage());
            }
            return new CompiledClassifier(c.id, model, c.threshold, c.top == null ? 3 : c.top, c.message, reads);
        }

        private void cited(String where, String requirement, String citation, String message) throws PolicyException {
            check(requirement != null && REQUIREMENT.matcher(requirement).matches(), where,
                    "'requirement' must be a requirement id such as H2");
            check(notBlank(citation), where, "'citation' is missing");
            check(notBlank(message), where, "'message' is missing");
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, String what)
                throws PolicyException {
            try {
                return Enum.valueOf(type, String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(document, where, "unknown " + what + " '" + value + "'");
            }
        }

        private <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<String> values, String where, String what)
                throws PolicyException {
            if (values == null) {
                return Set.of();
            }
            Set<E> result = new HashSet<>();
            for (String v : values) {
                result.add(enumValue(type, v, where, what));
            }
            return Set.copyOf(result);
        }

        private void check(boolean ok, String where, String problem) throws PolicyException {
            if (!ok) {
                throw new PolicyException(document, where, problem);
            }
        }
    }

    private static EnumMap<Action, Map<String, List<CompiledRule>>> indexByType(List<CompiledRule> rules) {
        Set<String> types = new HashSet<>();
        rules.forEach(r -> types.addAll(r.recordTypes()));
        EnumMap<Action, Map<String, List<CompiledRule>>> index = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            Map<String, List<CompiledRule>> perType = new HashMap<>();
            for (String t : types) {
                List<CompiledRule> matching = rules.stream().filter(r -> applies(r, a) && appliesTo(r, t))
                        .sorted(Comparator.comparingInt(CompiledRule::order)).toList();
                perType.put(t, matching);
            }
            index.put(a, Map.copyOf(perType));
        }
        return index;
    }

    private static EnumMap<Action, List<CompiledRule>> indexAnyType(List<CompiledRule> rules) {
        EnumMap<Action, List<CompiledRule>> index = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            index.put(a, rules.stream().filter(r -> applies(r, a) && r.recordTypes().isEmpty()).toList());
        }
        return index;
    }

    private static boolean applies(CompiledRule r, Action a) {
        return r.actions().isEmpty() || r.actions().contains(a);
    }

    private static boolean appliesTo(CompiledRule r, String type) {
        return r.recordTypes().isEmpty() || r.recordTypes().contains(type);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> strings(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static Set<String> stringSet(List<?> values) {
        Set<String> result = new HashSet<>();
        values.forEach(v -> result.add(OperationView.text(v)));
        return Set.copyOf(result);
    }
}
