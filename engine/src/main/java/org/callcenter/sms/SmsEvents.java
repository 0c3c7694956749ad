package org.callcenter.sms;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.callcenter.phone.PhoneNumbers;

/** Event-bus addresses of the SMS domain; bodies are JSON objects (instants as ISO-8601 strings). */
public final class SmsEvents {
    /**
     * An outbox message ended failed or undelivered (Twilio refused it, the sender gave up, or a
     * status callback said so): {messageId, ticketId, template, to (masked), errorCode, status, at}.
     */
    public static final String FAILED = "callcenter.sms.failed";

    private SmsEvents() {}

    public static JsonObject failed(OutboxMessage m, Instant at) {
        return new JsonObject()
                .put("messageId", m.key())
                .put("ticketId", m.ticketId())
                .put("template", m.template())
                .put("to", PhoneNumbers.mask(m.to()))
                .put("errorCode", m.errorCode())
                .put("status", m.status().wire())
                .put("at", at.toString());
    }
}
