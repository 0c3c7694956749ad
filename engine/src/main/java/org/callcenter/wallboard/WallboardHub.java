package org.callcenter.wallboard;

import io.vertx.core.http.ServerWebSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.callcenter.metrics.WallboardMeters;

/**
 * The open wallboards. A frame is encoded once and the same string goes to every viewer; a viewer
 * whose unsent bytes pass the bound is closed (it reconnects and gets the latest frame), so a slow
 * browser costs its own connection, never the engine's memory or the other viewers' updates.
 */
public final class WallboardHub {
    /** WebSocket close code for "message too big / cannot keep up" (1009 is for single frames; 1013 = try again later). */
    static final short TRY_AGAIN_LATER = 1013;

    private final Set<ServerWebSocket> viewers = ConcurrentHashMap.newKeySet();
    private final WallboardMeters meters;
    private final int queueBytes;
    private volatile String latest;

    public WallboardHub(WallboardMeters meters, int queueBytes) {
        this.meters = meters;
        this.queueBytes = queueBytes;
        meters.viewers(viewers::size);
    }

    /** A new viewer gets the latest frame at once (no store query: the aggregate is in memory). */
    public void add(ServerWebSocket ws) {
        ws.setWriteQueueMaxSize(queueBytes);
        viewers.add(ws);
        ws.closeHandler(v -> viewers.remove(ws));
        ws.exceptionHandler(e -> viewers.remove(ws));
        ws.textMessageHandler(text -> {
            if ("ping".equals(text)) ws.writeTextMessage("{\"type\":\"pong\"}");
        });
        String frame = latest;
        if (frame != null) send(ws, frame);
    }

    /** Sends {@code frame} to every viewer; returns how many it went to. */
    public int publish(String frame) {
        latest = frame;
        int sent = 0;
        for (ServerWebSocket ws : viewers) if (send(ws, frame)) sent++;
        return sent;
    }

    public int size() {
        return viewers.size();
    }

    private boolean send(ServerWebSocket ws, String frame) {
        if (ws.isClosed()) {
            viewers.remove(ws);
            return false;
        }
        if (ws.writeQueueFull()) {
            if (viewers.remove(ws)) {
                meters.dropped();
                ws.close(TRY_AGAIN_LATER, "wallboard viewer too slow");
            }
            return false;
        }
        ws.writeTextMessage(frame);
        return true;
    }
}
