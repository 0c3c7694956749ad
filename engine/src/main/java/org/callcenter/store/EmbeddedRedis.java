package org.callcenter.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default for Redis: a real redis-server child process on a free loopback port,
 * started with the engine and stopped with it. The binary is the one on PATH, else the one shipped
 * inside the embedded-redis Maven artifact (extracted next to the data).
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";

    private final Process process;
    private final int port;
    private final String binary;

    private EmbeddedRedis(Process process, int port, String binary) {
        this.process = process;
        this.port = port;
        this.binary = binary;
    }

    public static EmbeddedRedis start(String configuredBinary, Path dataDir) {
        try {
            return start(configuredBinary, dataDir, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for redis-server", e);
        }
    }

    /** Starts on a given port (tests restart a server where it was). */
    public static EmbeddedRedis start(String configuredBinary, Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            killStale(dataDir.resolve("redis.pid"));
            String binary = findBinary(configuredBinary, dataDir);
            List<String> command = new ArrayList<>(List.of(
                    binary,
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dataDir.toAbsolutePath().toString(),
                    "--pidfile",
                    dataDir.toAbsolutePath().resolve("redis.pid").toString(),
                    "--appendonly",
                    "yes",
                    "--save",
                    "",
                    "--daemonize",
                    "no",
                    "--protected-mode",
                    "yes"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("redis.log").toFile())
                    .start();
            EmbeddedRedis redis = new EmbeddedRedis(process, port, binary);
            redis.awaitListening(Duration.ofSeconds(10));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded redis-server", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String binary() {
        return binary;
    }

    private void awaitListening(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IOException("redis-server exited with " + process.exitValue() + " (see redis.log)");
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
                try {
                    process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting redis-server", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not listen on port " + port + " within " + timeout);
    }

    static String findBinary(String configured, Path dataDir) throws IOException {
        if (!configured.isBlank()) return configured;
        Optional<Path> onPath = onPath("redis-server");
        if (onPath.isPresent()) return onPath.get().toString();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64")))
            throw new IOException("no redis-server on PATH and no bundled binary for " + os + "/" + arch
                    + ": install redis-server or set REDIS_URL");
        Path target = dataDir.resolve("redis-server");
        try (InputStream in = EmbeddedRedis.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IOException("bundled redis-server missing from the classpath");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target.toAbsolutePath().toString();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** A redis-server left behind by an engine that was killed (SIGKILL skips our shutdown). */
    private static void killStale(Path pidFile) {
        if (!Files.exists(pidFile)) return;
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.contains("redis-server"))
                            .orElse(false))
                    .ifPresent(p -> {
                        log.warn("stopping a redis-server (pid {}) left by an earlier engine", pid);
                        p.destroy();
                        p.onExit()
                                .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                                .join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            log.warn("could not check stale redis pid file {}: {}", pidFile, e.toString());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
