package org.firewalldoors.compliance.internal.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;
import org.firewalldoors.compliance.internal.policy.RuleHit;

/**
 * A policy measured on a labelled corpus (issue 15): each text is written into its field (its
 * {@link EvaluationContext}) and decided; the rules of the evaluated requirements that hold are what the policy
 * said. Per language and requirement: precision, recall and false-refusal rate, with every miss listed.
 */
public final class Evaluation {

    /** The content requirements an evaluation reads; other rules that hold (X8, A3 ...) are not counted. */
    public static final Set<String> REQUIREMENTS = Set.of("H2", "H6", "E4", "F2", "K4", "O1", "O4", "O7");
    /** The name of the figures over every requirement of a language. */
    public static final String ALL = "all";

    /** A row the policy got wrong, with what fired and the words it quoted. */
    public record Miss(CorpusRow row, Set<String> fired, List<String> quoted) {
    }

    /**
     * What the classifier adds on one language (issue 15): of the commercial texts the rules let through
     * ({@code missed}), how many it flags ({@code flagged}); of the clinical texts no rule blocked
     * ({@code clinical}), how many it flags ({@code clinicalFlagged}).
     */
    public record ClassifierFigures(int missed, int flagged, int clinical, int clinicalFlagged) {
        ClassifierFigures plus(ClassifierFigures o) {
            return new ClassifierFigures(missed + o.missed, flagged + o.flagged, clinical + o.clinical,
                    clinicalFlagged + o.clinicalFlagged);
        }

        /** @return of the clinical texts, the share flagged */
        public double clinicalFlagRate() {
            return clinical == 0 ? 0 : (double) clinicalFlagged / clinical;
        }
    }

    private final String policy;
    private final String split;
    /** lang -> what the classifier adds; empty when the policy has none. */
    private final Map<String, ClassifierFigures> classifier = new TreeMap<>();
    /** lang -> requirement (or {@link #ALL}) -> figures, sorted. */
    private final Map<String, Map<String, Figures>> figures;
    private final List<Miss> misses;

    private Evaluation(String policy, String split, Map<String, Map<String, Figures>> figures, List<Miss> misses) {
        this.policy = policy;
        this.split = split;
        this.figures = figures;
        this.misses = misses;
    }

    /**
     * @param split {@code test}, {@code train}, or {@code all}
     * @return the policy measured on the rows of that split
     */
    public static Evaluation of(CompiledPolicy policy, List<CorpusRow> rows, String split) {
        PolicyEngine engine = new PolicyEngine(id -> java.util.Optional.empty());
        Map<String, Map<String, Figures>> figures = new TreeMap<>();
        Map<String, ClassifierFigures> classifierFigures = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (CorpusRow row : rows) {
            if (!"all".equals(split) && !row.split().equals(split)) {
                continue;
            }
            EvaluationContext context = EvaluationContext.of(row.context());
            var op = context.operation(row.text());
            List<RuleHit> all = engine.hits(policy, op);
            List<RuleHit> hits = all.stream().filter(h -> REQUIREMENTS.contains(h.requirement())).toList();
            Set<String> fired = hits.stream().map(RuleHit::requirement).collect(Collectors.toCollection(TreeSet::new));
            Map<String, Figures> lang = figures.computeIfAbsent(row.lang(), l -> new TreeMap<>());
            String own = context.requirement();
            boolean caught = fired.contains(own);
            Figures f = row.clinical()
                    ? new Figures(0, 0, 1, caught ? 1 : 0, 0)
                    : new Figures(row.expect().contains(own) ? 1 : 0, row.expect().contains(own) && caught ? 1 : 0,
                            0, 0, !row.expect().contains(own) && caught ? 1 : 0);
            lang.merge(own, f, Figures::plus);
            lang.merge(ALL, f, Figures::plus);
            if (policy.hasClassifier() && all.stream().noneMatch(RuleHit::blocks)) {
                boolean flagged = engine.classify(policy, op).isPresent();
                ClassifierFigures c = row.clinical() ? new ClassifierFigures(0, 0, 1, flagged ? 1 : 0)
                        : caught ? null : new ClassifierFigures(1, flagged ? 1 : 0, 0, 0);
                if (c != null) {
                    classifierFigures.merge(row.lang(), c, ClassifierFigures::plus);
                }
            }
            if (!fired.equals(row.expect())) {
                misses.add(new Miss(row, fired, hits.stream().flatMap(h -> h.quoted().stream()).distinct().toList()));
            }
        }
        Evaluation e = new Evaluation(policy.id(), split, figures, misses);
        e.classifier.putAll(classifierFigures);
        return e;
    }

    /** @return language -> requirement (or {@link #ALL}) -> figures */
    public Map<String, Map<String, Figures>> figures() {
        return figures;
    }

    /** @return language -> what the classifier adds to the rules; empty when the policy has none */
    public Map<String, ClassifierFigures> classifier() {
        return classifier;
    }

    /** @return the rows whose fired requirements differ from the expected ones */
    public List<Miss> misses() {
        return misses;
    }

    /** @return the figures as flat keys {@code lang/requirement/metric}, for a baseline */
    public Map<String, Double> flat() {
        Map<String, Double> flat = new LinkedHashMap<>();
        figures.forEach((lang, byRule) -> byRule.forEach((rule, f) -> {
            flat.put(lang + "/" + rule + "/precision", round(f.precision()));
            flat.put(lang + "/" + rule + "/recall", round(f.recall()));
            flat.put(lang + "/" + rule + "/falseRefusals", round(f.falseRefusalRate()));
        }));
        return flat;
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    /**
     * @param baseline figures recorded earlier ({@link #flat()})
     * @return one line per figure that is more than {@code tolerance} worse than its baseline: lower precision or
     *         recall, higher false-refusal rate
     */
    public List<String> regressions(Map<String, Double> baseline, double tolerance) {
        List<String> worse = new ArrayList<>();
        Map<String, Double> now = flat();
        baseline.forEach((key, before) -> {
            Double after = now.get(key);
            if (after == null) {
                worse.add(key + ": no longer measured (was " + before + ")");
                return;
            }
            double drop = key.endsWith("/falseRefusals") ? after - before : before - after;
            if (drop > tolerance + 1e-9) {
                worse.add(String.format("%s: %.4f -> %.4f", key, before, after));
            }
        });
        return worse;
    }

    /** @return the figures as a table, then the misses */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Policy %s, split %s%n", policy, split));
        b.append(String.format("%-4s %-4s %9s %9s %9s %15s %15s%n", "lang", "rule", "precision", "recall",
                "falseRef", "caught", "falseRefusals"));
        figures.forEach((lang, byRule) -> byRule.forEach((rule, f) -> b.append(String.format(
                "%-4s %-4s %9.3f %9.3f %9.3f %15s %15s%n", lang, rule, f.precision(), f.recall(),
                f.falseRefusalRate(), f.caught() + "/" + f.commercial(), f.falseRefusals() + "/" + f.clinical()))));
        if (!classifier.isEmpty()) {
            b.append(String.format("%nClassifier (flags only, when no rule blocked):%n%-4s %28s %22s%n", "lang",
                    "commercial missed -> flagged", "clinical flagged"));
            classifier.forEach((lang, c) -> b.append(String.format("%-4s %28s %15s %5.1f%%%n", lang,
                    c.missed() + " -> " + c.flagged(), c.clinicalFlagged() + "/" + c.clinical(),
                    100 * c.clinicalFlagRate())));
        }
        b.append(String.format("%nMisses (%d):%n", misses.size()));
        for (Miss m : misses) {
            b.append(String.format("  %s %s expected %s fired %s%s: %s%n", m.row().id(), m.row().context(),
                    m.row().expect(), m.fired(), m.quoted().isEmpty() ? "" : " quoting " + m.quoted(),
                    m.row().text()));
        }
        return b.toString();
    }
}
