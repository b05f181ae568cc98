package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.compliance.internal.policy.CompiledRule.ElementCondition;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * Looks into the elements of a list field, such as the sessions of an education event (E3) or the agenda items of
 * a committee meeting (G4, G5). User ids inside elements are not related principals of the operation (the host
 * resolves top-level user fields only), so they are resolved here, through the user directory.
 */
final class ElementMatcher {

    private ElementMatcher() {
    }

    /**
     * @param offending receives what the user has to change: the user ids found, or the values that selected
     *                  the element
     * @return whether some element matches
     */
    static boolean matches(ElementCondition c, Object value, Function<String, Optional<Principal>> users,
            List<PhraseMatch> offending) {
        List<?> elements = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
        boolean any = false;
        for (Object element : elements) {
            Map<?, ?> map = element instanceof Map<?, ?> m ? m : Map.of();
            if (!selected(c, map)) {
                continue;
            }
            if (!c.checksUsers()) {
                any = true;
                c.where().keySet().forEach(k -> report(map.get(k), offending));
                c.whereNot().keySet().forEach(k -> report(map.get(k), offending));
                continue;
            }
            List<String> ids = new ArrayList<>();
            strings(c.usersIn() == null ? element : map.get(c.usersIn()), ids);
            for (String id : ids) {
                Optional<Principal> p = users.apply(id);
                if (p.isPresent() && (c.userFunctions().isEmpty() || c.userFunctions().contains(p.get().function()))
                        && (c.userRoles().isEmpty() || c.userRoles().contains(p.get().role()))) {
                    any = true;
                    report(id, offending);
                }
            }
        }
        return any;
    }

    private static boolean selected(ElementCondition c, Map<?, ?> element) {
        for (Map.Entry<String, Set<String>> e : c.where().entrySet()) {
            Object v = element.get(e.getKey());
            if (v == null || !e.getValue().contains(OperationView.text(v))) {
                return false;
            }
        }
        for (Map.Entry<String, Set<String>> e : c.whereNot().entrySet()) {
            Object v = element.get(e.getKey());
            if (v != null && e.getValue().contains(OperationView.text(v))) {
                return false;
            }
        }
        return true;
    }

    private static void strings(Object value, List<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> strings(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> strings(v, into));
        }
    }

    /** Reports a value the user wrote as an offending piece that is not a phrase of any term list. */
    static void report(Object value, List<PhraseMatch> offending) {
        if (value == null) {
            return;
        }
        String text = OperationView.text(value);
        if (!text.isEmpty() && offending.stream().noneMatch(m -> m.originalText().equals(text))) {
            offending.add(new PhraseMatch("", text, 0, text.length(), text));
        }
    }
}
