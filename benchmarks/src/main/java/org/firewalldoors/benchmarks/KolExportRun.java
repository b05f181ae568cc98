package org.firewalldoors.benchmarks;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.kol.KolExportSummary;
import org.firewalldoors.compliance.internal.decide.BenchmarkCompliance;
import org.firewalldoors.kol.internal.BenchmarkKol;
import org.h2.jdbcx.JdbcDataSource;

/**
 * P5, run in a JVM of its own by {@link Main}: the KOL export (the bundle's {@code KolExporter}: the
 * door's decision of every profile by the compliance decision point on the US policy, the projection,
 * the JSON Lines writer, the SHA-256 of the output) of N profiles against a bare Gson
 * {@link JsonWriter} writing the same profile objects, both into a stream that counts and keeps
 * nothing. The profiles come from a generator standing in for the host's streamed read (the same
 * 1,000 distinct profiles over and over, each a new record with its own id), for both alike.
 *
 * <pre>
 * time N  : warm-up, then KOL, Gson, Gson, KOL of N profiles each; prints KOL-TIME lines
 * heap MODE N : (MODE kol or gson) a warm-up of 1,000, then N profiles with the heap pools' peaks reset before;
 *               prints a KOL-HEAP line
 * </pre>
 */
public final class KolExportRun {

    private static final int DISTINCT = 1_000;

    /** Counts bytes; keeps nothing. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private final List<Map<String, Object>> distinct;
    private final BenchmarkKol kol;
    private final Caller caller = Caller.java(Fixtures.MSL);
    private int count;

    private KolExportRun() {
        distinct = new java.util.ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            distinct.add(BenchmarkKol.storedFields(i));
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:p5-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Directory users = new Directory();
        DecisionPoint decisions = BenchmarkCompliance.decisionPoint(h2, users, "policy/us.json");
        kol = new BenchmarkKol(store(), decisions, BenchmarkCompliance.auditTrail(h2), users);
    }

    private CrmRecord record(int i) {
        Instant at = Instant.EPOCH.plusSeconds(i);
        return new CrmRecord("KolProfile", "id-" + i, distinct.get(i % DISTINCT), Fixtures.MSL.id(), "US", 1, at, at);
    }

    /** The host's record store as the exporter uses it: the type, and a streamed export of {@code count} profiles. */
    @SuppressWarnings("unchecked")
    private RecordStore store() {
        return (RecordStore) Proxy.newProxyInstance(KolExportRun.class.getClassLoader(),
                new Class<?>[] {RecordStore.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "recordType":
                            return Optional.of(BenchmarkKol.recordType());
                        case "export":
                            Consumer<CrmRecord> sink = (Consumer<CrmRecord>) args[4];
                            for (int i = 0; i < count; i++) {
                                sink.accept(record(i));
                            }
                            return (long) count;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "generated KOL profiles";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** @return bytes written by the KOL export of n profiles */
    long kol(int n) throws IOException {
        count = n;
        Counting out = new Counting();
        KolExportSummary s = kol.export(caller, out);
        if (s.count() != n) {
            throw new IllegalStateException("exported " + s.count() + " of " + n);
        }
        return out.bytes;
    }

    /** @return bytes written by a bare Gson JsonWriter of the same n profiles, one JSON object a line */
    long gson(int n) throws IOException {
        Counting out = new Counting();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
        for (int i = 0; i < n; i++) {
            CrmRecord r = record(i);
            JsonWriter json = new JsonWriter(writer);
            json.setSerializeNulls(true);
            json.beginObject();
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                json.name(e.getKey());
                BenchmarkKol.value(json, e.getValue());
            }
            json.endObject();
            writer.write('\n');
        }
        writer.flush();
        return out.bytes;
    }

    private long run(String mode, int n) throws IOException {
        return mode.equals("kol") ? kol(n) : gson(n);
    }

    public static void main(String[] args) throws Exception {
        KolExportRun r = new KolExportRun();
        if (args[0].equals("time")) {
            int n = Integer.parseInt(args[1]);
            int warm = Math.max(1, Math.min(n, 200_000));
            for (int i = 0; i < 2; i++) {
                r.kol(warm);
                r.gson(warm);
            }
            var threads = ManagementFactory.getThreadMXBean();
            for (String mode : List.of("kol", "gson", "gson", "kol")) {
                System.gc();
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                long bytes = r.run(mode, n);
                System.out.printf("KOL-TIME %s %d %d %d %d%n", mode, n, System.nanoTime() - t,
                        threads.getCurrentThreadCpuTime() - cpu, bytes);
            }
        } else {
            String mode = args[1];
            int n = Integer.parseInt(args[2]);
            r.run(mode, 1_000);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t = System.nanoTime();
            long bytes = r.run(mode, n);
            long ms = (System.nanoTime() - t) / 1_000_000;
            long total = 0;
            long old = 0;
            for (MemoryPoolMXBean p : heap) {
                long peak = p.getPeakUsage().getUsed();
                total += peak;
                if (p.getName().contains("Old") || p.getName().contains("Tenured")) {
                    old = peak;
                }
            }
            System.out.printf("KOL-HEAP %s %d %d %d %d %d %d%n", mode, n, total, old, bytes, ms,
                    Runtime.getRuntime().maxMemory());
        }
    }
}
