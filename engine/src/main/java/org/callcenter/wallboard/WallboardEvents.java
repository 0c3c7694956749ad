package org.callcenter.wallboard;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.callcenter.common.JsonMapper;

/**
 * The cross-domain events the wallboard listens to besides calls, agents and SLA (JSON objects with
 * ISO-8601 instants; published by the SMS, quality and follow-up domains).
 */
public final class WallboardEvents {
    /** {messageId, ticketId, template, to (masked), errorCode, status, at}: an outbox message ended failed/undelivered. */
    public static final String SMS_FAILED = "callcenter.sms.failed";
    /** {product, category, route, period, count, previous, at}: a recurring problem raised a key warning. */
    public static final String KEY_WARNING = "callcenter.quality.key-warning";
    /** {followupId, customerId, status, at}: a return call changed status. */
    public static final String FOLLOWUP_CHANGED = "callcenter.followup.changed";

    private WallboardEvents() {}

    /** The body as JSON whether it came as a JsonObject, a JSON string or a record. */
    static JsonObject json(Object body) {
        if (body instanceof JsonObject j) return j;
        if (body instanceof String s) return new JsonObject(s);
        return new JsonObject(JsonMapper.write(body));
    }

    static Instant instant(JsonObject j, String key) {
        String s = j.getString(key);
        return s == null ? null : Instant.parse(s);
    }
}
