package org.firewalldoors.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.firewalldoors.compliance.internal.text.PhraseAutomaton;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.firewalldoors.compliance.internal.text.TextNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P3: scanning 2 KB clinical notes for the 500,000 phrases of {@link LargeRuleSet}, one note per
 * operation, single-threaded (so per core). Ours: fold the text ({@link TextNormalizer}: case,
 * accents, width, look-alikes, separators) and find every occurrence of every phrase with the
 * automaton, in one pass ({@link PhraseAutomaton#find(String)}), as a decision does. The alternatives,
 * on the same phrases and text: a ready-made Aho-Corasick automaton (org.ahocorasick, whole words,
 * case-insensitive), and one {@code java.util.regex} alternation, case-insensitive with Unicode case,
 * between word boundaries. Both fold case only, so they find fewer.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanBenchmark {

    /** Notes to scan, in turn. */
    @State(Scope.Thread)
    public static class Notes {
        String[] notes;
        int next;

        @Setup
        public void setUp() {
            notes = LargeRuleSet.generate().notes(64).toArray(new String[0]);
        }

        String next() {
            String n = notes[next];
            next = next + 1 == notes.length ? 0 : next + 1;
            return n;
        }
    }

    /** The automaton over the rule set. */
    @State(Scope.Benchmark)
    public static class Automaton {
        PhraseAutomaton automaton;

        @Setup
        public void setUp() {
            automaton = LargeRuleSet.generate().automaton();
        }
    }

    /** The regular expression over the rule set. */
    @State(Scope.Benchmark)
    public static class Regex {
        Pattern pattern;

        @Setup
        public void setUp() {
            pattern = LargeRuleSet.generate().regex();
        }
    }

    /** The Aho-Corasick library's automaton over the rule set. */
    @State(Scope.Benchmark)
    public static class AhoCorasick {
        Trie trie;

        @Setup
        public void setUp() {
            trie = LargeRuleSet.generate().ahoCorasick();
        }
    }

    @Benchmark
    public List<PhraseMatch> automaton(Automaton a, Notes n) {
        return a.automaton.find(n.next());
    }

    @Benchmark
    public Collection<Emit> ahoCorasick(AhoCorasick a, Notes n) {
        return a.trie.parseText(n.next());
    }

    @Benchmark
    public int regex(Regex r, Notes n) {
        Matcher m = r.pattern.matcher(n.next());
        int found = 0;
        while (m.find()) {
            found++;
        }
        return found;
    }
}
