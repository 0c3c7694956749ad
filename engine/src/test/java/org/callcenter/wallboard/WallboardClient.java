package org.callcenter.wallboard;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.callcenter.support.Await;

/** One open wallboard as a test or benchmark sees it: the latest snapshot and when it came. */
public final class WallboardClient implements AutoCloseable {
    private final AtomicReference<JsonObject> latest = new AtomicReference<>();
    private final WebSocket socket;
    private volatile int frames;

    private WallboardClient(String base, String token, LongConsumer onFrame) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    long at = System.nanoTime();
                    latest.set(new JsonObject(text.toString()));
                    text.setLength(0);
                    frames++;
                    onFrame.accept(at);
                }
                ws.request(1);
                return null;
            }
        };
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "cc_session=" + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/wallboard"), listener)
                .join();
    }

    /** Opens a wallboard and waits for its first snapshot. */
    public static WallboardClient open(String base, String token) {
        return open(base, token, at -> {});
    }

    public static WallboardClient open(String base, String token, LongConsumer onFrame) {
        WallboardClient c = new WallboardClient(base, token, onFrame);
        Await.until("a first wallboard snapshot", Duration.ofSeconds(10), () -> c.latest.get() != null);
        return c;
    }

    public JsonObject latest() {
        return latest.get();
    }

    public int frames() {
        return frames;
    }

    /** Waits until the latest snapshot satisfies {@code match}. */
    public JsonObject await(String what, Predicate<JsonObject> match) {
        Await.until(
                () -> what + "; last snapshot " + latest.get(),
                Duration.ofSeconds(10),
                () -> latest.get() != null && match.test(latest.get()));
        return latest.get();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
}
