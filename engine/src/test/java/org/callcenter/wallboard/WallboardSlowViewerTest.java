package org.callcenter.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * A wallboard that stops reading is disconnected once its unsent frames pass the bound; the engine
 * keeps going and a reading wallboard still gets every update.
 */
class WallboardSlowViewerTest {
    @Test
    void aViewerThatStopsReadingIsDroppedAndTheOthersKeepUp() throws Exception {
        try (TestEngine engine = TestEngine.start(
                        TestRedis.tempDir("mongo"),
                        Map.of("WALLBOARD_PUSH_AFTER_MILLIS", "0", "WALLBOARD_VIEWER_QUEUE_BYTES", "4096"));
                Socket stalled = new Socket()) {
            engine.engine()
                    .wallboard()
                    .seeded()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
            String token = engine.adminToken();
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", engine.engine().httpPort()), 5000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /ws/wallboard HTTP/1.1\r\nHost: 127.0.0.1:"
                            + engine.engine().httpPort()
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            + "Cookie: cc_session=" + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush(); // ... and never read a byte
            try (WallboardClient reading = WallboardClient.open(engine.base(), token)) {
                Await.until(
                        "both wallboards open",
                        Duration.ofSeconds(10),
                        () -> engine.engine().wallboard().viewers() == 2);
                WallboardFeed feed = new WallboardFeed(engine.engine().vertx());
                String filler = "x".repeat(2000); // big frames fill the stalled socket's buffers sooner
                int n = 0;
                while (engine.engine().wallboard().viewers() == 2 && n < 3000) {
                    String product = "Pump " + n + " " + filler;
                    feed.keyWarning(product, "leak", 3);
                    reading.await(
                            "warning " + n,
                            s -> !s.getJsonArray("keyWarnings").isEmpty()
                                    && s.getJsonArray("keyWarnings")
                                            .getJsonObject(0)
                                            .getString("product")
                                            .equals(product));
                    n++;
                }
                assertThat(engine.engine().wallboard().viewers())
                        .as("after %d frames", n)
                        .isEqualTo(1);
                assertThat(engine.send("GET", "/metrics", null, null).body())
                        .contains("callcenter_wallboard_viewers_dropped_total 1.0");
                feed.smsFailed("after-drop", "visit_confirmation", 30003);
                JsonObject last = reading.await(
                        "an update after the drop", s -> s.encode().contains("after-drop"));
                assertThat(last.getString("type")).isEqualTo("snapshot");
            }
        }
    }
}
