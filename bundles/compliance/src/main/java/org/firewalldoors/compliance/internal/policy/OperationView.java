package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.FieldSpec;
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
    /** The cache key of the text of the fields a write sets or changes; no field can have this name. */
    private static final String CHANGED_TEXT = "\u0000changed";

    final Operation op;
    final Map<String, Object> values;
    private final TermMatcher terms;
    /** The texts of each field asked about ("*": all fields). */
    private final Map<String, List<Scan>> fields = new HashMap<>();
    /** Each text once, however many fields and rules ask about it (keyed by {@link FieldText#key()}). */
    private final Map<String, Scan> texts = new HashMap<>();

    OperationView(Operation op, TermMatcher terms) {
        this.op = op;
        this.terms = terms;
        this.values = isWrite(op.action()) || op.before() == null ? op.after() : op.before().fields();
    }

    boolean changed(String field) {
        Object before = op.before() == null ? null : op.before().field(field);
        Object after = op.after().get(field);
        return isWrite(op.action()) && !sameValue(before, after);
    }

    /** @return the phrase matches of the given term list in a field's text ("*": all fields) */
    List<PhraseMatch> matches(String field, String list) {
        return matches(field, list, false);
    }

    /**
     * @param changedOnly with {@link #ALL_TEXT}: only the fields this write sets or changes
     * @return the phrase matches of the given term list in a field's text ("*": all fields, their names too)
     */
    List<PhraseMatch> matches(String field, String list, boolean changedOnly) {
        boolean leetspeak = terms.leetspeak(list);
        boolean changes = changedOnly && ALL_TEXT.equals(field);
        List<PhraseMatch> found = new ArrayList<>();
        for (Scan scan : fields.computeIfAbsent(changes ? CHANGED_TEXT : field, this::scans)) {
            for (PhraseMatch m : scan.matches(leetspeak)) {
                if (m.list().equals(list)) {
                    found.add(scan.quoted(m));
                }
            }
        }
        return found;
    }

    /** @return the value of a field in the record as stored before this operation; null for a CREATE */
    Object stored(String field) {
        return op.before() == null ? null : op.before().field(field);
    }

    /** @return whether this write sets, changes or removes some field */
    boolean anyChanged() {
        if (!isWrite(op.action())) {
            return false;
        }
        Map<String, Object> before = op.before() == null ? Map.of() : op.before().fields();
        return !changedFields().isEmpty() || before.keySet().stream().anyMatch(k -> !op.after().containsKey(k));
    }

    private List<String> changedFields() {
        List<String> names = new ArrayList<>();
        for (String name : op.after().keySet()) {
            if (changed(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private List<Scan> scans(String field) {
        List<FieldText> found = new ArrayList<>();
        if (ALL_TEXT.equals(field)) {
            values.forEach((name, v) -> {
                found.add(name(name));
                FieldText.collect(v, found);
            });
        } else if (CHANGED_TEXT.equals(field)) {
            for (String name : changedFields()) {
                found.add(name(name));
                FieldText.collect(op.after().get(name), found);
            }
        } else {
            FieldText.collect(values.get(field), found);
        }
        List<Scan> scans = new ArrayList<>(found.size());
        for (FieldText text : found) {
            scans.add(texts.computeIfAbsent(text.key(), k -> new Scan(text, declared(text, k))));
        }
        return scans;
    }

    private FieldText name(String name) {
        return op.recordType().fields().containsKey(name) ? FieldText.declaredName(name) : FieldText.name(name);
    }

    /**
     * @return the scan of a text the record type declares (the name of one of its fields, or one of a field's allowed
     *         values), shared by every operation on the policy; {@code null} for any other text
     */
    private TermMatcher.Scanned declared(FieldText text, String key) {
        Map<String, FieldSpec> declared = op.recordType().fields();
        boolean repeated = text.isName() && declared.containsKey(text.original());
        if (!text.isName()) {
            for (FieldSpec f : declared.values()) {
                repeated |= f.allowed().contains(text.original());
            }
        }
        return repeated ? terms.repeated(key, text.scanned()) : null;
    }

    /** One text of the operation: folded and scanned once, read as leetspeak only when a rule asks for it. */
    private final class Scan {
        private final FieldText text;
        private NormalizedText folded;
        private List<PhraseMatch> plain;
        private List<PhraseMatch> withLeetspeak;

        Scan(FieldText text, TermMatcher.Scanned known) {
            this.text = text;
            if (known != null) {
                plain = known.plain();
                withLeetspeak = known.withLeetspeak();
            }
        }

        List<PhraseMatch> matches(boolean leetspeak) {
            if (plain == null) {
                folded = TextNormalizer.normalize(text.scanned());
                plain = terms.find(folded);
            }
            if (!leetspeak) {
                return plain;
            }
            if (withLeetspeak == null) {
                withLeetspeak = terms.withLeetspeak(text.scanned(), folded, plain);
            }
            return withLeetspeak;
        }

        /** @return the match, quoting the text as the user wrote it */
        PhraseMatch quoted(PhraseMatch m) {
            return text.quoted(m);
        }
    }

    private static boolean isWrite(Action a) {
        return a == Action.CREATE || a == Action.UPDATE || a == Action.ASSIGN;
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
