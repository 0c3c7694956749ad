package org.callcenter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** Redis stops and comes back: health says so, the API answers 503 meanwhile, then works again. */
class StoreFailureTest {
    @Test
    void redisDownMeansHealth503AndApi503ThenRecovery() {
        Path dir = TestRedis.tempDir("redis-fail");
        EmbeddedRedis redis = TestRedis.startServer(dir);
        try (TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), Map.of("REDIS_URL", redis.url()))) {
            String token = engine.adminToken();
            Response created = engine.post(
                    "/api/v1/customers",
                    new JsonObject().put("name", "Before outage").put("phones", new JsonArray().add("13911110000")));
            assertThat(created.status()).isEqualTo(201);

            redis.close();
            Response health = engine.send("GET", "/health", null, null);
            assertThat(health.status()).isEqualTo(503);
            JsonObject deps = health.json().getJsonObject("dependencies");
            assertThat(deps.getJsonObject("redis").getString("status")).isEqualTo("down");
            assertThat(deps.getJsonObject("mongodb").getString("status")).isEqualTo("up");
            assertThat(engine.send("GET", "/api/v1/callers/13911110000/history", null, token)
                            .status())
                    .isEqualTo(503);
            assertThat(engine.send("GET", "/metrics", null, null).body())
                    .contains("callcenter_store_up{store=\"redis\"} 0.0");

            redis = EmbeddedRedis.start("", dir, redis.port());
            assertThat(engine.send("GET", "/health", null, null).status()).isEqualTo(200);
            Response history = engine.send("GET", "/api/v1/callers/13911110000/history", null, token);
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().getJsonObject("customer").getString("name"))
                    .isEqualTo("Before outage");
        } finally {
            redis.close();
        }
    }
}
