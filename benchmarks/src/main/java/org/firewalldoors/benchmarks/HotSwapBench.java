package org.firewalldoors.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * P4: in-place updates of the US policy bundle in the running distribution under load. A copy of
 * the built distribution is started on a free loopback port; two client threads loop over a guarded
 * write (a hand-off submit by a rep, or an MSL's call report where the hand-off door is not served),
 * a read of what was written, and an operation the US policy refuses (a rep assigning a task to an
 * MSL, A3). Meanwhile new versions of the policy bundle (the shipped jar with a higher Bundle-Version,
 * a higher policy version and the version in the A3 message) are dropped over one file in
 * {@code load/}, so that FileInstall updates the same bundle in place each time; the next drop waits
 * until {@code GET /policies} reports the previous one. A first drop installs that bundle before the
 * measurement; then come the measured updates.
 *
 * <p>Unevaluated: an answer without a decision of the policy (503 POLICY_UNAVAILABLE, an A3 attempt
 * not refused by the A3 rule) or an A3 refusal missing from the audit trail or audited without a
 * policy version. Failed: any other 5xx, an unexpected status, an I/O error or a timeout (10 s). Both
 * are counted over every request of the run (warm-up, baseline and updates), and every A3 refusal of
 * the run is compared with the audit trail. Stall: the longest request while the updates ran, against
 * the longest and the 99th percentile of a baseline phase of the same load before them. Wall clock,
 * not JMH.
 */
final class HotSwapBench {

    record Result(int updates, int requests, int unevaluated, int failed, double maxStallMs, double swapP99Ms,
            double swapP50Ms, double baseMaxMs, double baseP99Ms, double baseP50Ms, int baseRequests,
            double medianSwapMs, double swapSeconds, List<String> problems, Map<String, Integer> a3ByVersion,
            int a3Refused, int a3Audited, int swapRequests, int slowBase, int slowSwap) {
    }

    private static final String A3 = "us.a3.commercial-assigns-msl-task";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long BASELINE_MS = 8_000;

    private final Path distribution;

    HotSwapBench(Path distribution) {
        this.distribution = distribution;
    }

    /** One answered (or failed) request. */
    private record Sample(long startNanos, long nanos) {
    }

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unevaluated = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger a3Refused = new AtomicInteger();
    private final Map<String, Integer> a3ByVersion = new ConcurrentHashMap<>();
    private volatile boolean counting;

    Result run(int updates) throws Exception {
        Path d = Files.createTempDirectory("fwd-p4-");
        Process p = null;
        try {
            StartupBench.copy(distribution, d);
            int port = StartupBench.freePort();
            StartupBench.replacePort(d.resolve("load/org.apache.felix.http.cfg"), port);
            StartupBench.replacePort(d.resolve("conf/config.properties"), port);
            String base = "http://127.0.0.1:" + port + "/api/v1";
            // Every A3 attempt of the run, from the first, is compared with the audit trail since before the start.
            Instant since = Instant.now();
            p = new ProcessBuilder("sh", "bin/firewalldoors").directory(d.toFile()).redirectErrorStream(true)
                    .redirectOutput(d.resolve("console.log").toFile()).start();
            p.getOutputStream().close();
            awaitUp(p, base, d);

            Path shipped;
            try (Stream<Path> jars = Files.list(d.resolve("bundle"))) {
                shipped = jars.filter(j -> j.getFileName().toString().startsWith("policy-us-")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no policy-us jar in the distribution"));
            }
            HttpClient admin = client();
            // Versions made beforehand: writing a jar is not part of what is measured.
            List<Path> jars = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            for (int k = 0; k <= updates; k++) {
                Path jar = d.resolve("policy-us-next-" + k + ".jar");
                versions.add(nextVersion(shipped, jar, k + 1));
                jars.add(jar);
            }
            Path dropped = d.resolve("load/policy-us-next.jar");
            // The first drop installs the bundle that the measured drops then update in place.
            drop(jars.get(0), dropped);
            await(admin, base, versions.get(0), 60_000);

            AtomicBoolean stop = new AtomicBoolean();
            boolean handoff = get(admin, base + "/health", "compliance.us").body().contains("\"ScientificInquiry\"");
            List<Thread> clients = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                int id = n;
                Thread t = new Thread(() -> load(base, id, handoff, stop), "p4-client-" + n);
                t.start();
                clients.add(t);
            }
            Thread.sleep(3_000); // warm-up of the load: its latencies are not counted, its answers are checked
            counting = true;
            long baseStart = System.nanoTime();
            Thread.sleep(BASELINE_MS);
            long swapStart = System.nanoTime();
            List<Long> swapMs = new ArrayList<>();
            for (int k = 1; k <= updates; k++) {
                long t = System.nanoTime();
                drop(jars.get(k), dropped);
                await(admin, base, versions.get(k), 60_000);
                swapMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                Thread.sleep(250);
            }
            Thread.sleep(1_000); // requests begun during the last update end
            long swapEnd = System.nanoTime();
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }
            counting = false;
            int audited = audited(admin, base, since);
            if (audited != a3Refused.get()) {
                int missing = Math.abs(a3Refused.get() - audited);
                unevaluated.addAndGet(missing);
                problems.add("A3 refusals answered " + a3Refused.get() + ", audited with a policy version " + audited);
            }
            List<Long> baseline = new ArrayList<>();
            List<Long> during = new ArrayList<>();
            synchronized (samples) {
                for (Sample s : samples) {
                    if (s.startNanos() >= baseStart && s.startNanos() < swapStart) {
                        baseline.add(s.nanos());
                    } else if (s.startNanos() >= swapStart && s.startNanos() < swapEnd) {
                        during.add(s.nanos());
                    }
                }
            }
            Collections.sort(baseline);
            Collections.sort(during);
            return new Result(updates, samples.size(), unevaluated.get(), failed.get(), ms(max(during)),
                    ms(pct(during, 0.99)), ms(pct(during, 0.50)), ms(max(baseline)), ms(pct(baseline, 0.99)),
                    ms(pct(baseline, 0.50)), baseline.size(), StartupBench.median(swapMs),
                    (swapEnd - swapStart) / 1e9, new ArrayList<>(problems), Map.copyOf(a3ByVersion), a3Refused.get(),
                    audited, during.size(), over(baseline, SLOW_MS), over(during, SLOW_MS));
        } finally {
            if (p != null) {
                StartupBench.stop(p);
            }
            StartupBench.delete(d);
        }
    }

    // --- the load -----------------------------------------------------------------------------------

    private void load(String base, int n, boolean handoff, AtomicBoolean stop) {
        HttpClient c = client();
        int i = 0;
        while (!stop.get()) {
            i++;
            String created;
            if (handoff) {
                created = call(c, "POST", base + "/handoffs", "rep.us", "{\"hcpId\":\"hcp-p4-" + n + "-" + i
                        + "\",\"hcpContact\":{\"email\":\"dr@example.org\"},\"category\":\"MECHANISM_OF_ACTION\","
                        + "\"question\":\"How does the active metabolite reach the target receptor?\","
                        + "\"product\":\"Cardiozan\",\"preferredContact\":{\"channel\":\"EMAIL\",\"window\":\"mornings\"},"
                        + "\"unsolicited\":true}", 201, 200);
            } else {
                created = call(c, "POST", base + "/records/CallReport", "msl.us", "{\"hcpId\":\"p4-" + n
                        + "\",\"notes\":\"hot swap load " + n + "-" + i + "\"}", 201, 200);
            }
            if (created != null) {
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
                if (m.find()) {
                    call(c, "GET", base + (handoff ? "/handoffs/" : "/records/CallReport/") + m.group(1), "msl.us",
                            null, 200);
                }
            }
            String refused = call(c, "POST", base + "/records/Task", "rep.us",
                    "{\"subject\":\"visit\",\"assignee\":\"msl.us\"}", 403);
            if (refused != null) {
                if (!refused.contains(A3)) {
                    unevaluated.incrementAndGet();
                    problem("A3 attempt refused without the A3 rule: " + abbreviate(refused));
                } else {
                    a3Refused.incrementAndGet();
                    Matcher v = Pattern.compile("Version ([0-9.]+):").matcher(refused);
                    a3ByVersion.merge(v.find() ? v.group(1) : "shipped", 1, Integer::sum);
                }
            }
        }
    }

    /** @return the body when the status is one expected, else null (counted as unevaluated or failed) */
    private String call(HttpClient c, String method, String url, String user, String body, int... expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization",
                auth(user)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
            record(t);
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return r.body();
                }
            }
            if (r.body().contains("POLICY_UNAVAILABLE") || r.statusCode() < 300) {
                unevaluated.incrementAndGet(); // answered without a decision, or the refusal did not happen
            } else {
                failed.incrementAndGet();
            }
            problem(method + " " + url.replaceAll("^.*/api/v1", "") + " -> " + r.statusCode() + " "
                    + abbreviate(r.body()));
        } catch (IOException e) {
            record(t);
            failed.incrementAndGet();
            problem(method + " " + url.replaceAll("^.*/api/v1", "") + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void record(long start) {
        if (counting) {
            samples.add(new Sample(start, System.nanoTime() - start));
        }
    }

    private void problem(String p) {
        if (problems.size() < 10) {
            problems.add(p);
        }
    }

    // --- the policy versions --------------------------------------------------------------------------

    /**
     * Writes the shipped policy bundle with Bundle-Version (major + k).0.0, policy version 1.k.0 ({@code
     * k} + the shipped minor) and "Version x.y.z: " before the A3 message.
     *
     * @return the policy version
     */
    private static String nextVersion(Path shipped, Path jar, int k) throws IOException {
        String version = null;
        try (JarInputStream in = new JarInputStream(Files.newInputStream(shipped))) {
            Manifest m = new Manifest(in.getManifest());
            Attributes a = m.getMainAttributes();
            int major = Integer.parseInt(a.getValue("Bundle-Version").split("\\.")[0]);
            a.putValue("Bundle-Version", (major + k) + ".0.0");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().equals("policy/us.json")) {
                        JsonObject policy = JsonParser.parseString(new String(data, StandardCharsets.UTF_8))
                                .getAsJsonObject();
                        String[] v = policy.get("version").getAsString().split("\\.");
                        version = v[0] + "." + (Integer.parseInt(v[1]) + k) + ".0";
                        policy.addProperty("version", version);
                        for (JsonElement r : policy.getAsJsonArray("rules")) {
                            JsonObject rule = r.getAsJsonObject();
                            if (A3.equals(rule.get("id").getAsString())) {
                                rule.addProperty("message", "Version " + version + ": "
                                        + rule.get("message").getAsString());
                            }
                        }
                        data = policy.toString().getBytes(StandardCharsets.UTF_8);
                    }
                    j.putNextEntry(new JarEntry(e.getName()));
                    j.write(data);
                    j.closeEntry();
                }
            }
        }
        if (version == null) {
            throw new IllegalStateException("no policy/us.json in " + shipped);
        }
        return version;
    }

    /** Replaces the file in load/ at once, so that FileInstall never sees half a jar. */
    private static void drop(Path jar, Path target) throws IOException {
        Path tmp = target.resolveSibling(".policy-us-next.tmp");
        try (InputStream in = Files.newInputStream(jar)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void await(HttpClient admin, String base, String version, long timeoutMs) throws Exception {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < until) {
            if (version.equals(policyVersion(admin, base))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("policy " + version + " did not become active within " + timeoutMs + " ms");
    }

    private static String policyVersion(HttpClient admin, String base) {
        try {
            HttpResponse<String> r = get(admin, base + "/policies", "compliance.us");
            JsonObject us = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("US");
            return us == null ? "" : us.get("version").getAsString();
        } catch (Exception e) {
            return "";
        }
    }

    /** @return the A3 refusals audited since the start, each with a policy version */
    private static int audited(HttpClient admin, String base, Instant since) throws Exception {
        int count = 0;
        String before = null;
        do { // newest first, page by page through the cursor the trail hands out
            HttpResponse<String> r = get(admin, base + "/audit?since=" + URLEncoder.encode(since.toString(),
                    StandardCharsets.UTF_8) + "&limit=1000" + (before == null ? "" : "&before=" + before),
                    "compliance.us");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /audit -> " + r.statusCode() + " " + abbreviate(r.body()));
            }
            JsonObject page = JsonParser.parseString(r.body()).getAsJsonObject();
            for (JsonElement e : page.getAsJsonArray("entries")) {
                JsonObject ev = e.getAsJsonObject().getAsJsonObject("event");
                if (A3.equals(str(ev, "rule")) && "BLOCK".equals(str(ev, "outcome")) && str(ev, "policyVersion") != null) {
                    count++;
                }
            }
            before = page.has("next") ? page.get("next").getAsString() : null;
        } while (before != null);
        return count;
    }

    // --- helpers --------------------------------------------------------------------------------------

    private void awaitUp(Process p, String base, Path dir) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until && p.isAlive()) {
            String body = StartupBench.get(URI.create(base + "/health"));
            if (body != null && body.contains("\"status\":\"UP\"") && body.contains("\"interception\":\"UP\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the distribution did not start:\n" + StartupBench.tail(dir.resolve("console.log")));
    }

    private static String str(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse<String> get(HttpClient c, String url, String user) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", auth(user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 160 ? t.substring(0, 160) + "..." : t;
    }

    /** Requests slower than this are counted apart (the stall target). */
    static final long SLOW_MS = 100;

    private static int over(List<Long> nanos, long ms) {
        return (int) nanos.stream().filter(n -> n > TimeUnit.MILLISECONDS.toNanos(ms)).count();
    }

    private static long max(List<Long> sorted) {
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
