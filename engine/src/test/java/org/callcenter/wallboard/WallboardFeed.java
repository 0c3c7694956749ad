package org.callcenter.wallboard;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callcenter.calls.CallEvents;
import org.callcenter.calls.CallRecord;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.SlaEvents;
import org.callcenter.support.TestEngine;

/** Publishes the events the wallboard listens to, as their domains do, and reads its query meter. */
public final class WallboardFeed {
    private static final DeliveryOptions RECORD = new DeliveryOptions().setCodecName("callcenter-record");
    private static final Pattern QUERIES =
            Pattern.compile("(?m)^callcenter_wallboard_store_queries_total\\{[^}]*} ([0-9.Ee+]+)$");
    private final Vertx vertx;

    public WallboardFeed(Vertx vertx) {
        this.vertx = vertx;
    }

    public void callOffered(String id, String caller) {
        vertx.eventBus().publish(CallEvents.OFFERED, new CallEvents.CallChanged(call(id, caller, null)), RECORD);
    }

    public void callAnswered(String id, String caller, String agent) {
        vertx.eventBus().publish(CallEvents.ANSWERED, new CallEvents.CallChanged(call(id, caller, agent)), RECORD);
    }

    public void breached(String ticket, ClockName clock, Instant due) {
        vertx.eventBus()
                .publish(
                        SlaEvents.BREACHED,
                        new SlaEvents.SlaBreached(
                                ticket + "/" + clock, ticket, clock, due, due, java.time.Duration.ZERO),
                        RECORD);
    }

    public void warned(String ticket, ClockName clock, Instant due) {
        vertx.eventBus()
                .publish(
                        SlaEvents.WARNED, new SlaEvents.SlaWarned(ticket + "/w", ticket, clock, due, due, due), RECORD);
    }

    public void smsFailed(String messageId, String template, int errorCode) {
        vertx.eventBus()
                .publish(
                        WallboardEvents.SMS_FAILED,
                        new JsonObject()
                                .put("messageId", messageId)
                                .putNull("ticketId")
                                .put("template", template)
                                .put("to", "+8613*******00")
                                .put("errorCode", errorCode)
                                .put("status", "undelivered")
                                .put("at", Instant.now().toString()));
    }

    public void keyWarning(String product, String category, int count) {
        vertx.eventBus()
                .publish(
                        WallboardEvents.KEY_WARNING,
                        new JsonObject()
                                .put("product", product)
                                .put("category", category)
                                .put("route", "technical")
                                .put("period", "2026-11")
                                .put("count", count)
                                .put("previous", 1)
                                .put("at", Instant.now().toString()));
    }

    /** Store queries the wallboard made so far (all tags), read from /metrics like Prometheus. */
    public static double storeQueries(TestEngine engine) {
        String text = engine.send("GET", "/metrics", null, null).body();
        Matcher m = QUERIES.matcher(text);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum;
    }

    private static CallRecord call(String id, String caller, String agent) {
        Instant now = Instant.now();
        return new CallRecord(
                id,
                caller,
                caller,
                null,
                "400",
                "support",
                agent,
                null,
                List.of(),
                agent == null ? CallRecord.CallStatus.QUEUED : CallRecord.CallStatus.ACTIVE,
                null,
                now,
                now,
                agent == null ? null : now,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
