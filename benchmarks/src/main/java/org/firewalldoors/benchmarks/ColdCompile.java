package org.firewalldoors.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;

/**
 * P3's cold compile, in a JVM of its own that has compiled nothing yet: prints the wall-clock and
 * the thread-CPU milliseconds of the first compile of the large policy, then of a second one.
 */
public final class ColdCompile {

    private ColdCompile() {
    }

    public static void main(String[] args) throws Exception {
        String json = LargeRuleSet.generate().policyJson();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder("COLD-COMPILE");
        for (int i = 0; i < 2; i++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            PolicyCompiler.compile("large.json", json, "benchmark");
            out.append(' ').append((System.nanoTime() - wall) / 1_000_000)
                    .append(' ').append((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        }
        System.out.println(out);
    }
}
