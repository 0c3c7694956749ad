package org.callcenter.sms;

import java.time.Instant;

/**
 * One outbound SMS. {@code key} is the idempotency key (the MongoDB _id): queuing the same key twice
 * queues one message. {@code attemptStartedAt} is set while a send is in flight, so a send cut short
 * (timeout, crash) is known to be uncertain and is reconciled with Twilio before any retry.
 * {@code ticketId} links it to the service request it is about (null when none).
 */
public record OutboxMessage(
        String key,
        String template,
        String to,
        String body,
        SmsStatus status,
        int attempts,
        String sid,
        Integer errorCode,
        String errorMessage,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant attemptStartedAt,
        Instant updatedAt,
        String ticketId) {

    public static OutboxMessage queued(String key, String template, String to, String body, Instant now) {
        return queued(key, template, to, body, now, null);
    }

    /** As above, about service request {@code ticketId} (a failure then shows on that request). */
    public static OutboxMessage queued(
            String key, String template, String to, String body, Instant now, String ticketId) {
        return new OutboxMessage(
                key, template, to, body, SmsStatus.QUEUED, 0, null, null, null, now, now, null, now, ticketId);
    }
}
