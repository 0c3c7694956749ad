package org.callcenter.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A console's WebSocket, as a test sees it: every message it got, and waiting for one. */
public final class PopClient implements AutoCloseable {
    public final List<JsonObject> messages;
    private final WebSocket socket;

    private PopClient(WebSocket socket, List<JsonObject> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /** Opens /ws/agent with the session cookie; waits for the server's hello. */
    public static PopClient connect(String base, String token, String query) {
        List<JsonObject> messages = new CopyOnWriteArrayList<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(new JsonObject(text.toString()));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "cc_session=" + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/agent" + query), listener)
                .join();
        PopClient client = new PopClient(ws, messages);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.first("hello") != null);
        return client;
    }

    public JsonObject first(String type) {
        return messages.stream()
                .filter(m -> type.equals(m.getString("type")))
                .findFirst()
                .orElse(null);
    }

    public List<JsonObject> all(String type) {
        return messages.stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    public JsonObject await(String type, Predicate<JsonObject> match, Duration within) {
        JsonObject[] found = new JsonObject[1];
        org.awaitility.Awaitility.await().atMost(within).until(() -> {
            for (JsonObject m : messages)
                if (type.equals(m.getString("type")) && match.test(m)) {
                    found[0] = m;
                    return true;
                }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
}
