package org.callcenter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** With no MONGODB_URI and no REDIS_URL the engine runs on its own stores, and data survives a restart. */
class EmbeddedDefaultTest {
    static final Map<String, String> EMBEDDED = Map.of("MONGODB_URI", "", "REDIS_URL", "");

    @Test
    void embeddedStoresStartStopAndKeepTheData() throws Exception {
        Path data = TestRedis.tempDir("embedded");
        Map<String, String> env = new java.util.HashMap<>(EMBEDDED);
        env.put("REDIS_DATA_DIR", data.resolve("redis").toString());
        String id;
        long redisPid;
        try (TestEngine engine = TestEngine.start(data, env)) {
            assertThat(engine.engine().mongo().embedded()).isTrue();
            assertThat(engine.engine().redis().embedded()).isTrue();
            JsonObject health = engine.send("GET", "/health", null, null).json();
            assertThat(health.getJsonObject("dependencies")
                            .getJsonObject("mongodb")
                            .getString("mode"))
                    .isEqualTo("embedded");
            assertThat(health.getJsonObject("dependencies")
                            .getJsonObject("redis")
                            .getString("mode"))
                    .isEqualTo("embedded");
            Response r = engine.post(
                    "/api/v1/customers",
                    new JsonObject().put("name", "Persistent Ltd").put("phones", new JsonArray().add("13933330000")));
            id = r.json().getString("id");
            redisPid = Long.parseLong(
                    Files.readString(data.resolve("redis/redis.pid")).trim());
            assertThat(ProcessHandle.of(redisPid)).isPresent();
            assertThat(Files.exists(data.resolve(EmbeddedMongo.FILE_NAME))).isTrue();
        }
        // the redis-server child stopped with the engine
        ProcessHandle.of(redisPid).ifPresent(p -> p.onExit().join());
        assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));

        try (TestEngine again = TestEngine.start(data, env)) {
            Response found = again.get("/api/v1/customers/" + id);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().getString("name")).isEqualTo("Persistent Ltd");
            assertThat(again.get("/api/v1/callers/13933330000/history").json().getBoolean("known"))
                    .isTrue();
        }
    }
}
