package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.text.NormalizedText;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.firewalldoors.compliance.internal.text.TextNormalizer;

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
    /** The texts of each field asked about ("*": all fields). */
    private final Map<String, List<Scan>> fields = new HashMap<>();
    /** Each text once, however many fields and rules ask about it. */
    private final Map<String, Scan> texts = new HashMap<>();

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
        boolean leetspeak = terms.leetspeak(list);
        List<PhraseMatch> found = new ArrayList<>();
        for (Scan scan : fields.computeIfAbsent(field, this::scans)) {
            for (PhraseMatch m : scan.matches(leetspeak)) {
                if (m.list().equals(list)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private List<Scan> scans(String field) {
        List<String> found = new ArrayList<>();
        if (ALL_TEXT.equals(field)) {
            values.values().forEach(v -> collectText(v, found));
        } else {
            collectText(values.get(field), found);
        }
        List<Scan> scans = new ArrayList<>(found.size());
        for (String text : found) {
            scans.add(texts.computeIfAbsent(text, Scan::new));
        }
        return scans;
    }

    /** One text of the operation: folded and scanned once, read as leetspeak only when a rule asks for it. */
    private final class Scan {
        private final String text;
        private NormalizedText folded;
        private List<PhraseMatch> plain;
        private List<PhraseMatch> withLeetspeak;

        Scan(String text) {
            this.text = text;
        }

        List<PhraseMatch> matches(boolean leetspeak) {
            if (plain == null) {
                folded = TextNormalizer.normalize(text);
                plain = terms.find(folded);
            }
            if (!leetspeak) {
                return plain;
            }
            if (withLeetspeak == null) {
                withLeetspeak = terms.withLeetspeak(text, folded, plain);
            }
            return withLeetspeak;
        }
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
