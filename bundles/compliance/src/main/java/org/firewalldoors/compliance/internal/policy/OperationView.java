package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * One operation as the rules see it: the field values that matter (the new
 * ones for a write, the stored ones otherwise), which fields change, and the
 * phrase matches of each field's text, computed at most once per field.
 */
final class OperationView {

    static final String ALL_TEXT = "*";

    final Operation op;
    final Map<String, Object> values;
    private final TermMatcher terms;
    private final Map<String, List<PhraseMatch>> matches = new HashMap<>();

    OperationView(Operation op, TermMatcher terms) {
        this.op = op;
        this.terms = terms;
        boolean write = op.action() == Action.CREATE || op.action() == Action.UPDATE || op.action() == Action.ASSIGN;
        this.values = write || op.before() == null ? op.after() : op.before().fields();
    }

    boolean changed(String field) {
        Object before = op.before() == null ? null : op.before().field(field);
        Object after = op.after().get(field);
        boolean write = op.action() == Action.CREATE || op.action() == Action.UPDATE || op.action() == Action.ASSIGN;
        return write && !sameValue(before, after);
    }

    /** @return the phrase matches of the given term list in a field's text ("*": all fields) */
    List<PhraseMatch> matches(String field, String list) {
        List<PhraseMatch> all = matches.computeIfAbsent(field, f -> {
            List<PhraseMatch> found = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            if (ALL_TEXT.equals(f)) {
                values.values().forEach(v -> collectText(v, texts));
            } else {
                collectText(values.get(f), texts);
            }
            for (String text : texts) {
                found.addAll(terms.find(text));
            }
            return found;
        });
        return all.stream().filter(m -> m.list().equals(list)).toList();
    }

    private static void collectText(Object value, List<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> collectText(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectText(v, into));
        }
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
