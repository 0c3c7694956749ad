package org.callcenter.wallboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.callcenter.wallboard.WallboardSource.ClockRow;

/** The wallboard snapshot's row lists, rendered from the aggregate's maps (at most {@code max} rows each). */
final class WallboardRows {
    record WaitingCall(String id, String queue, String caller, Instant since) {}

    record ActiveCall(String id, String agent, String queue, Instant since) {}

    private WallboardRows() {}

    /** Longest-waiting first. */
    static JsonArray waiting(Collection<WaitingCall> calls, int max) {
        JsonArray out = new JsonArray();
        calls.stream()
                .sorted(Comparator.comparing(WaitingCall::since, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(max)
                .forEach(w -> out.add(new JsonObject()
                        .put("callId", w.id())
                        .put("queue", w.queue())
                        .put("caller", w.caller())
                        .put("since", iso(w.since()))));
        return out;
    }

    static JsonArray active(Collection<ActiveCall> calls, int max) {
        JsonArray out = new JsonArray();
        calls.stream()
                .limit(max)
                .forEach(a -> out.add(new JsonObject()
                        .put("callId", a.id())
                        .put("agent", a.agent())
                        .put("queue", a.queue())
                        .put("since", iso(a.since()))));
        return out;
    }

    /** Soonest due first. */
    static JsonArray clocks(Collection<ClockRow> rows, int max) {
        JsonArray out = new JsonArray();
        rows.stream()
                .sorted(Comparator.comparing(ClockRow::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(max)
                .forEach(r -> out.add(new JsonObject()
                        .put("ticket", r.ticket())
                        .put("clock", r.clock().key())
                        .put("due", iso(r.due()))
                        .put("warnedAt", iso(r.warnedAt()))
                        .put("breachedAt", iso(r.breachedAt()))));
        return out;
    }

    /** The last inserted first. */
    static JsonArray newest(Map<String, JsonObject> rows, int max) {
        List<JsonObject> all = new ArrayList<>(rows.values());
        JsonArray out = new JsonArray();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) out.add(all.get(i));
        return out;
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
