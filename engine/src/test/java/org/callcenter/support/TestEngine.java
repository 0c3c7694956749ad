package org.callcenter.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.callcenter.Engine;
import org.callcenter.config.AppConfig;
import org.callcenter.config.ConfigLoader;

/**
 * An engine for integration tests: real Redis (TestRedis), MongoDB over the wire (MONGODB_URI when
 * set, else the embedded server with its H2 file in a temp dir), HTTP on a free port, and a small
 * HTTP client that speaks JSON.
 */
public final class TestEngine implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Engine engine;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String token;

    private TestEngine(Engine engine) {
        this.engine = engine;
    }

    public static TestEngine start() {
        return start(TestRedis.tempDir("mongo"), Map.of());
    }

    public static TestEngine start(Path dataDir, Map<String, String> overrides) {
        return new TestEngine(Engine.start(config(dataDir, overrides), Clock.systemUTC()));
    }

    public static TestEngine start(Path dataDir, Map<String, String> overrides, Clock clock) {
        return new TestEngine(Engine.start(config(dataDir, overrides), clock));
    }

    public static AppConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("MONGODB_DATA_DIR", dataDir.toString());
        env.put("REDIS_URL", TestRedis.url());
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("AUTH_PBKDF2_ITERATIONS", "1000");
        env.put("AGI_PORT", "0");
        env.put("AGI_HOST", "127.0.0.1");
        env.put("IVR_SCRIPTS_DIR", IvrScripts.shipped().toString());
        String mongo = System.getenv("MONGODB_URI");
        if (mongo != null && !mongo.isBlank()) {
            env.put("MONGODB_URI", mongo);
            env.put(
                    "MONGODB_DATABASE",
                    "cc_test_" + dataDir.getFileName().toString().replaceAll("\\W", ""));
        }
        env.putAll(overrides);
        return ConfigLoader.load(Optional.empty(), env);
    }

    public Engine engine() {
        return engine;
    }

    public String base() {
        return "http://127.0.0.1:" + engine.httpPort();
    }

    /** Logs in as admin once; later calls reuse the token. */
    public String adminToken() {
        if (token == null) token = login("admin", ADMIN_PASSWORD);
        return token;
    }

    public String login(String username, String password) {
        Response r = send(
                "POST",
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", username)
                        .put("password", password)
                        .encode(),
                null);
        if (r.status() != 200) throw new AssertionError("login failed: " + r);
        return r.json().getString("token");
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, adminToken());
    }

    public Response post(String path, JsonObject body) {
        return send("POST", path, body.encode(), adminToken());
    }

    public Response patch(String path, JsonObject body) {
        return send("PATCH", path, body.encode(), adminToken());
    }

    public Response put(String path, JsonObject body) {
        return send("PUT", path, body.encode(), adminToken());
    }

    public Response send(String method, String path, String body, String bearer, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
