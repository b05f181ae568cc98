package org.firewalldoors.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution (its Felix folder layout) copied to a fresh home with an empty data folder and a
 * free loopback port, run as a subprocess: started, waited for until it serves, restarted, stopped.
 */
final class Distribution implements AutoCloseable {

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    Distribution() throws IOException {
        Path built = Path.of(System.getProperty("firewalldoors.distribution", "../distribution/target/firewalldoors"));
        if (!Files.isRegularFile(built.resolve("bin/felix.jar"))) {
            fail("no built distribution at " + built.toAbsolutePath() + ": build it first (mvn -B verify)");
        }
        home = Files.createTempDirectory("firewalldoors-browser");
        copy(built, home);
        clear(home.resolve("data"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        for (String file : List.of("load/org.apache.felix.http.cfg", "conf/config.properties")) {
            Path p = home.resolve(file);
            if (Files.exists(p)) {
                Files.writeString(p, Files.readString(p).replaceAll("(?m)^org\\.osgi\\.service\\.http\\.port=.*$",
                        "org.osgi.service.http.port=" + port));
            }
        }
    }

    /** @return the base address, for example {@code http://127.0.0.1:40123} */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the distribution and waits until the API and the pages serve. */
    void start() throws Exception {
        starts++;
        Path log = home.resolve("run-" + starts + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Dgosh.args=--nointeractive", "-jar", "bin/felix.jar")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the distribution exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (serves()) {
                return;
            }
            Thread.sleep(250);
        }
        fail("the distribution did not come up in 120 s:\n" + Files.readString(log));
    }

    private boolean serves() {
        try {
            HttpResponse<String> health = get("/api/v1/health", null);
            return health.statusCode() == 200 && health.body().contains("\"interception\":\"UP\"")
                    && get("/api/v1/policies", "rep.us").body().contains("\"US\":{")
                    && get("/app/signin", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A GET as a demo user (password demo) with Basic auth, or without credentials. */
    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body as a demo user with Basic auth (scripts need no CSRF token). */
    HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the distribution: SIGTERM, then SIGKILL if it has not stopped in 30 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    @Override
    public void close() throws Exception {
        stop();
        clear(home);
        Files.deleteIfExists(home);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertTrue(Files.isDirectory(dir));
    }
}
