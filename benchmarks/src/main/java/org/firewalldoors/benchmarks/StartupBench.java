package org.firewalldoors.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * P6: how long the built distribution takes from the launch of its process to {@code GET
 * /api/v1/health} answering UP, against a bare Felix (the same org.apache.felix.main 7.0.5 launcher)
 * with only SCR and its dependencies reaching the framework's STARTED event. Every start is a first
 * start from a fresh copy (empty framework cache, empty database), on a free loopback port, and the
 * process is stopped afterwards. Not JMH: it times child processes, wall clock.
 */
final class StartupBench {

    /**
     * Medians in milliseconds: first starts (fresh copy) and restarts (framework cache and database
     * kept), of the distribution to health UP and of bare Felix + SCR to STARTED.
     */
    record Result(int rounds, double distributionMs, double bareMs, double distributionRestartMs,
            double bareRestartMs, double interceptionMs, double httpMs) {
    }

    private static final long TIMEOUT_MS = 120_000;

    private final Path distribution;
    private final Path bareFelix;

    /**
     * @param distribution the built layout folder, distribution/target/firewalldoors
     * @param bareFelix    the folder with felix.jar and the SCR bundles (benchmarks/target/bare-felix)
     */
    StartupBench(Path distribution, Path bareFelix) {
        this.distribution = distribution;
        this.bareFelix = bareFelix;
    }

    Result run(int rounds) throws Exception {
        List<Long> dist = new ArrayList<>();
        List<Long> distAgain = new ArrayList<>();
        List<Long> interception = new ArrayList<>();
        List<Long> http = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        List<Long> bareAgain = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path d = Files.createTempDirectory("fwd-p6-dist-");
            try {
                copy(distribution, d);
                // One port per copy, so that a restart finds the HTTP configuration it left.
                int port = freePort();
                replacePort(d.resolve("load/org.apache.felix.http.cfg"), port);
                replacePort(d.resolve("conf/config.properties"), port);
                long[] first = startDistribution(d, port);
                long[] again = startDistribution(d, port);
                dist.add(first[0]);
                interception.add(first[1]);
                http.add(first[2]);
                distAgain.add(again[0]);
            } finally {
                delete(d);
            }
            Path b = Files.createTempDirectory("fwd-p6-bare-");
            try {
                layBareFelix(b);
                bare.add(startBareFelix(b));
                bareAgain.add(startBareFelix(b));
            } finally {
                delete(b);
            }
            System.out.printf("  round %d: distribution: first HTTP answer %d ms, UP %d ms (interception UP %d ms), "
                    + "restart UP %d ms; bare Felix + SCR %d ms, restart %d ms; load average %s%n", i + 1, http.get(i),
                    dist.get(i), interception.get(i), distAgain.get(i), bare.get(i), bareAgain.get(i),
                    Main.loadAverage());
        }
        return new Result(rounds, median(dist), median(bare), median(distAgain), median(bareAgain),
                median(interception), median(http));
    }

    /**
     * @return milliseconds to health UP, to health UP with the interceptor registered, and to the first
     *         HTTP answer of any status (Jetty listening, before the API's servlets are there)
     */
    private long[] startDistribution(Path dir, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "bin/firewalldoors").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close(); // no terminal: the launcher runs headless
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/api/v1/health");
            long up = -1;
            long http = -1;
            while (true) {
                long elapsed = ms(start);
                if (elapsed > TIMEOUT_MS || !p.isAlive()) {
                    throw new IllegalStateException("the distribution did not answer UP within " + elapsed
                            + " ms; see " + dir.resolve("console.log") + ":\n" + tail(dir.resolve("console.log")));
                }
                String body = get(health);
                if (body != null && http < 0) {
                    http = elapsed;
                }
                if (body != null && body.contains("\"status\":\"UP\"")) {
                    if (up < 0) {
                        up = elapsed;
                    }
                    if (body.contains("\"interception\":\"UP\"")) {
                        return new long[] {up, ms(start), http};
                    }
                }
                Thread.sleep(10);
            }
        } finally {
            stop(p);
        }
    }

    /** A Felix folder layout with the same launcher, SCR and its dependencies, and the probe. */
    private void layBareFelix(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("bundle"));
        Files.copy(bareFelix.resolve("felix.jar"), dir.resolve("bin/felix.jar"));
        try (Stream<Path> jars = Files.list(bareFelix)) {
            for (Path jar : jars.filter(j -> !j.getFileName().toString().equals("felix.jar")).toList()) {
                Files.copy(jar, dir.resolve("bundle").resolve(jar.getFileName()));
            }
        }
        writeProbe(dir.resolve("bundle/startup-probe.jar"));
        Files.writeString(dir.resolve("conf/config.properties"), String.join("\n",
                "org.osgi.framework.storage=data/framework",
                "org.osgi.framework.storage.clean=none",
                "felix.auto.deploy.dir=bundle",
                "felix.auto.deploy.action=install,update,start",
                "felix.log.level=1", ""));
    }

    /** @return milliseconds to the framework's STARTED event, as the probe bundle reports it */
    private long startBareFelix(Path dir) throws Exception {
        Path log = dir.resolve("console.log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", "bin/felix.jar").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            while (true) {
                long elapsed = ms(start);
                if (elapsed > TIMEOUT_MS || !p.isAlive()) {
                    throw new IllegalStateException("bare Felix did not start within " + elapsed + " ms:\n"
                            + tail(log));
                }
                if (Files.readString(log).contains(StartupProbe.STARTED)) {
                    return elapsed;
                }
                Thread.sleep(10);
            }
        } finally {
            stop(p);
        }
    }

    /** A bundle with only {@link StartupProbe}, which prints a line at the framework's STARTED event. */
    private static void writeProbe(Path jar) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.firewalldoors.benchmarks.startup-probe");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", StartupProbe.class.getName());
        a.putValue("Import-Package", "org.osgi.framework");
        String entry = StartupProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
                var in = StartupBench.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
    }

    static String get(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try {
                if (c.getResponseCode() != 200) {
                    return ""; // listening, not ready
                }
                return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(" ", "");
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null; // not listening yet
        }
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long ms(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void replacePort(Path file, int port) throws IOException {
        String text = Files.readString(file);
        String changed = text.replaceAll("(?m)^org\\.osgi\\.service\\.http\\.port\\s*=.*$",
                "org.osgi.service.http.port=" + port);
        if (changed.equals(text) && !text.contains("org.osgi.service.http.port=" + port)) {
            throw new IllegalStateException("no org.osgi.service.http.port in " + file);
        }
        Files.writeString(file, changed);
    }

    /** Copies the layout, without its data folder: every start is a first start. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().equals("data") || rel.startsWith("data/")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(to.resolve("data"));
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
