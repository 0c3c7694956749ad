package org.callcenter.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.callcenter.store.h2.FastH2Backend;
import org.callcenter.store.h2.StoreCopy;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** An engine whose data directory has only the stock backend's file starts on the migrated data. */
class EmbeddedMigrationTest {
    @Test
    void engineStartsOnDataWrittenByTheStockBackend() throws Exception {
        Path data = TestRedis.tempDir("embedded-migration");
        Map<String, String> env = new HashMap<>(EmbeddedDefaultTest.EMBEDDED);
        env.put("REDIS_DATA_DIR", data.resolve("redis").toString());
        String id;
        try (TestEngine engine = TestEngine.start(data, env)) {
            id = engine.post(
                            "/api/v1/customers",
                            new JsonObject()
                                    .put("name", "Written Before Upgrade")
                                    .put("phones", new JsonArray().add("13944440000")))
                    .json()
                    .getString("id");
        }
        // turn the directory into one the previous release left: the stock backend's file only
        Path file = data.resolve(EmbeddedMongo.FILE_NAME);
        Path old = data.resolve(EmbeddedMongo.OLD_FILE_NAME);
        StoreCopy.copy(FastH2Backend.open(file.toString()), new H2Backend(old.toString()));
        Files.delete(file);

        try (TestEngine again = TestEngine.start(data, env)) {
            TestEngine.Response found = again.get("/api/v1/customers/" + id);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().getString("name")).isEqualTo("Written Before Upgrade");
        }
        assertThat(file).exists();
        assertThat(data.resolve(EmbeddedMongo.OLD_FILE_NAME + ".migrated")).exists();
    }
}
