package org.firewalldoors.benchmarks;

import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.exception.AuthException;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P1: the latency of one decision on the operation mix, our compiled US policy against the same
 * policy in Cedar (cedar-java, native engine through JNI, in this JVM, policy set cached). Sampled:
 * every sampled call is timed on its own, so percentiles are those of single decisions.
 *
 * <p>Both engines get their input ready-made: our {@link Operation}s, and for Cedar the request and
 * entities translated from the same operations, with the text already lower-cased and its punctuation
 * folded for its {@code like} patterns (work our engine does inside {@code decide}). Our decision also
 * carries what Cedar's cannot: redacted fields, findings, messages, offending spans.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    /** Our engine and the operation mix. */
    @State(Scope.Thread)
    public static class Ours {
        CompiledPolicy policy;
        PolicyEngine engine;
        Operation[] ops;
        int next;

        @Setup
        public void setUp() {
            policy = Fixtures.usPolicy();
            engine = new PolicyEngine(Fixtures.users());
            ops = OperationMix.sequence();
        }
    }

    /** cedar-java and the same mix, translated. */
    @State(Scope.Thread)
    public static class Cedar {
        CedarFirewall cedar;
        CedarFirewall.Request[] requests;
        int next;

        @Setup
        public void setUp() {
            cedar = new CedarFirewall(Fixtures.usPolicyJson());
            Operation[] ops = OperationMix.sequence();
            requests = new CedarFirewall.Request[ops.length];
            for (int i = 0; i < ops.length; i++) {
                requests[i] = CedarFirewall.translate(ops[i]);
            }
        }
    }

    @Benchmark
    public Decision ours(Ours s) {
        Operation op = s.ops[s.next];
        s.next = s.next + 1 == s.ops.length ? 0 : s.next + 1;
        return s.engine.decide(s.policy, op);
    }

    @Benchmark
    public AuthorizationResponse cedar(Cedar s) throws AuthException {
        CedarFirewall.Request r = s.requests[s.next];
        s.next = s.next + 1 == s.requests.length ? 0 : s.next + 1;
        return s.cedar.isAuthorized(r);
    }
}
