package org.callcenter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callcenter.store.EmbeddedRedis;

/**
 * A real redis-server for tests: REDIS_URL when set (the suite then runs against that server),
 * otherwise a redis-server child process on a free port, started once per test JVM.
 */
public final class TestRedis {
    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url != null) return url;
        String fromEnv = System.getenv("REDIS_URL");
        if (fromEnv != null && !fromEnv.isBlank()) return url = fromEnv;
        EmbeddedRedis server = startServer(tempDir("redis"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return url = server.url();
    }

    /** A private redis-server (for tests that stop and restart it). */
    public static EmbeddedRedis startServer(Path dir) {
        return EmbeddedRedis.start("", dir);
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("cc-test-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
