package org.firewalldoors.benchmarks;

import java.util.concurrent.TimeUnit;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.policy.PolicyException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P3: compiling a policy document of 500 rules with 500 term lists of 1,000 phrases, as the extender
 * compiles a policy bundle's document (parse, validate, index, one automaton). Single shots: the first
 * one in a fresh JVM is the cold compile a policy bundle's start pays.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CompileBenchmark {

    private String json;

    @Setup
    public void setUp() {
        json = LargeRuleSet.generate().policyJson();
    }

    @Benchmark
    public CompiledPolicy compile() throws PolicyException {
        return PolicyCompiler.compile("large.json", json, "benchmark");
    }
}
