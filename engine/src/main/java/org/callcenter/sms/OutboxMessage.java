package org.callcenter.sms;

import java.time.Instant;

/**
 * One outbound SMS. {@code key} is the idempotency key (the MongoDB _id): queuing the same key twice
 * queues one message. {@code attemptStartedAt} is set while a send is in flight, so a send cut short
 * (timeout, crash) is known to be uncertain and is reconciled with Twilio before any retry.
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
        Instant updatedAt) {

    public static OutboxMessage queued(String key, String template, String to, String body, Instant now) {
        return new OutboxMessage(key, template, to, body, SmsStatus.QUEUED, 0, null, null, null, now, now, null, now);
    }
}
