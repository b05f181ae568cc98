package org.firewalldoors.benchmarks;

import com.cedarpolicy.model.exception.AuthException;
import java.util.Arrays;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyEngine;

/**
 * P1 a second way: our decisions and Cedar's timed one by one in this JVM, in rounds that alternate between the two
 * engines (ours, Cedar, Cedar, ours, ...), so that both meet the same load of a shared machine. The JMH runs time the
 * two engines one after the other, half a minute apart, and on this machine Cedar's p99 moved by half between runs,
 * and the verdict with it; this figure is printed beside them, the verdict stays JMH's.
 */
final class InterleavedP1 {

    /** Percentiles of single decisions, in microseconds. */
    record Figures(double oursP50, double oursP99, double cedarP50, double cedarP99, int rounds) {
    }

    private InterleavedP1() {
    }

    static Figures run(CedarFirewall cedar, int rounds) throws AuthException {
        CompiledPolicy policy = Fixtures.usPolicy();
        PolicyEngine engine = new PolicyEngine(Fixtures.users());
        Operation[] ops = OperationMix.sequence();
        CedarFirewall.Request[] requests = new CedarFirewall.Request[ops.length];
        for (int i = 0; i < ops.length; i++) {
            requests[i] = CedarFirewall.translate(ops[i]);
        }
        int oursPerRound = 20_000;
        int cedarPerRound = 1_000; // a Cedar decision takes a few hundred times ours: rounds of similar length
        for (int w = 0; w < 20; w++) {
            ours(engine, policy, ops, new long[oursPerRound]);
            cedar(cedar, requests, new long[cedarPerRound]);
        }
        long[] o = new long[oursPerRound * rounds];
        long[] c = new long[cedarPerRound * rounds];
        for (int r = 0; r < rounds; r++) {
            long[] ot = new long[oursPerRound];
            long[] ct = new long[cedarPerRound];
            if (r % 2 == 0) {
                ours(engine, policy, ops, ot);
                cedar(cedar, requests, ct);
            } else {
                cedar(cedar, requests, ct);
                ours(engine, policy, ops, ot);
            }
            System.arraycopy(ot, 0, o, r * oursPerRound, oursPerRound);
            System.arraycopy(ct, 0, c, r * cedarPerRound, cedarPerRound);
        }
        Arrays.sort(o);
        Arrays.sort(c);
        return new Figures(o[o.length / 2] / 1e3, o[(int) (o.length * 0.99)] / 1e3, c[c.length / 2] / 1e3,
                c[(int) (c.length * 0.99)] / 1e3, rounds);
    }

    private static int next;
    private static Object sink;

    private static void ours(PolicyEngine engine, CompiledPolicy policy, Operation[] ops, long[] into) {
        for (int i = 0; i < into.length; i++) {
            Operation op = ops[next++ % ops.length];
            long start = System.nanoTime();
            sink = engine.decide(policy, op);
            into[i] = System.nanoTime() - start;
        }
    }

    private static void cedar(CedarFirewall cedar, CedarFirewall.Request[] requests, long[] into) throws AuthException {
        for (int i = 0; i < into.length; i++) {
            CedarFirewall.Request r = requests[next++ % requests.length];
            long start = System.nanoTime();
            sink = cedar.isAuthorized(r);
            into[i] = System.nanoTime() - start;
        }
    }
}
