package org.callcenter.calls;

import java.time.Instant;

/**
 * "Call this customer back" (SERVICE-RULES §5, §8: no question left unanswered). Created for every
 * abandoned call; {@code owner} null = anyone may take it. The return-calls work builds on these.
 */
public record CallbackTask(
        String id,
        String callId,
        String phone,
        String callerRaw,
        String callerName,
        String queue,
        String reason,
        String status,
        String owner,
        Instant createdAt) {}
