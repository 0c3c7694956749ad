package org.callcenter.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism serving Twilio's own OpenAPI description (fixtures/twilio) as a contract mock: a
 * request the real API would reject gets 422 with the reason. Prism is the version pinned in
 * {@code tools/prism}, installed with {@code npm ci} when missing. Without node / npm this fails
 * with a clear message (CI has node); it never skips.
 */
public final class Prism implements AutoCloseable {
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final int port;

    private Prism(Path prism, Path spec) throws IOException {
        this.port = freePort();
        this.process = new ProcessBuilder(
                        prism.toString(), "mock", "-p", String.valueOf(port), "-h", "127.0.0.1", spec.toString())
                .redirectErrorStream(true)
                .start();
        Thread.ofVirtual().name("prism-log").start(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) log.add(line);
            } catch (IOException e) {
                log.add("log reader: " + e);
            }
        });
        Await.until(
                () -> "Prism to listen (exited: " + !process.isAlive() + "); output: " + tail(),
                Duration.ofMinutes(3),
                () -> !process.isAlive() || log.stream().anyMatch(l -> l.contains("Prism is listening")));
        if (!process.isAlive()) throw new AssertionError("Prism exited at start: " + tail());
    }

    public static Prism start() {
        try {
            Path root = repoRoot();
            Path tools = root.resolve("tools/prism");
            Path bin = tools.resolve("node_modules/.bin/prism");
            if (!Files.isExecutable(bin)) install(tools);
            Path spec = Path.of(Prism.class
                    .getResource("/fixtures/twilio/twilio_api_v2010.yaml")
                    .toURI());
            return new Prism(bin, spec);
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError("cannot start Prism (TwilioContractTest needs node and npm on PATH): " + e, e);
        }
    }

    private static void install(Path tools) throws IOException {
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", tools.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "TwilioContractTest needs node and npm on PATH to install Prism (tools/prism): " + e.getMessage(),
                    e);
        }
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0)
                throw new AssertionError("npm ci --prefix tools/prism failed:\n" + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted installing Prism", e);
        }
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent())
            if (Files.exists(p.resolve("tools/prism/package.json"))) return p;
        throw new AssertionError("tools/prism/package.json not found above " + dir);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Prism's output lines so far (requests it found invalid are logged as errors). */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Lines where Prism rejected one of our requests (not its own example responses). */
    public List<String> requestViolations() {
        return log.stream()
                .filter(l -> l.contains("Request terminated with error")
                        || (l.contains("[VALIDATOR]") && l.contains("error") && !l.contains("response.")))
                .toList();
    }

    private String tail() {
        List<String> all = log();
        return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
