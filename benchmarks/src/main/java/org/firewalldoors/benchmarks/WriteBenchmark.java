package org.firewalldoors.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationInterceptor;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.compliance.internal.decide.BenchmarkCompliance;
import org.firewalldoors.host.internal.store.BenchmarkHost;
import org.firewalldoors.jdbc.ConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P2: throughput of record writes through the reference host's record store on H2 in-memory, with
 * the compliance interceptor in the chain (decision point, US policy, audit trail, as the distribution
 * wires them) against the same writes with no interceptor (and interception not required, else the
 * host would refuse them). The writes are the allowed creates of a CRM day, in turn: an MSL's call
 * report, a rep's plain message to an HCP (its text is scanned for O7), a rep's account plan.
 *
 * <p>Sampled, single thread: the mean time of a write gives the throughput (1 / mean), and the
 * median, which preemption by other work on a busy machine hardly moves, is reported beside it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class WriteBenchmark {

    /** {@code firewall}: the compliance interceptor is in the chain; {@code none}: no interceptor. */
    @Param({"firewall", "none"})
    public String interception;

    private RecordStore store;
    private int next;

    private static final String NOTES = "Discussed the phase III data on progression-free survival with "
            + "Dr. Alvarez; she asked for the subgroup analysis by biomarker status and the dosing in renal "
            + "impairment. Follow-up: send the published poster and the medical information letter.";

    private static final Caller MSL = Caller.java(Fixtures.MSL);
    private static final Caller REP = Caller.java(Fixtures.REP);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:p2-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        // Pooled, as the distribution keeps its H2 connections (H2Database): both sides reuse sessions.
        ConnectionPool pool = new ConnectionPool(h2, 16);
        Directory users = new Directory();
        List<OperationInterceptor> interceptors = "firewall".equals(interception)
                ? List.of(BenchmarkCompliance.interceptor(pool, users, "policy/us.json"))
                : List.of();
        store = BenchmarkHost.store(pool, users, interceptors, !interceptors.isEmpty());
    }

    @Benchmark
    public CrmRecord write() {
        int n = next;
        next = n == 2 ? 0 : n + 1;
        return switch (n) {
            case 0 -> store.create(MSL, "CallReport", Map.of("accountId", "acc-17", "hcpId", "hcp-4",
                    "date", "2026-11-20", "channel", "VIDEO", "notes", NOTES));
            case 1 -> store.create(REP, "OutboundMessage", Map.of("hcpId", "hcp-4", "channel", "EMAIL",
                    "subject", "Samples", "body", "The samples you requested will be delivered on Tuesday."));
            default -> store.create(REP, "AccountPlan", Map.of("accountId", "acc-17", "tier", 1,
                    "commercialObjective", "Secure formulary review in Q1"));
        };
    }
}
