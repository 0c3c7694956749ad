package org.callcenter.ivr;

import java.time.Instant;
import java.util.List;

/**
 * What happened in one IVR session, keyed by the channel's {@code agi_uniqueid}; {@code linkedid}
 * joins it to the AMI call record. {@code path} lists the nodes in order with what the caller
 * pressed; {@code digits} is every key pressed, in order.
 */
public record IvrTrace(
        String uniqueId,
        String linkedId,
        String threadId,
        String channel,
        String script,
        String phone,
        String customerId,
        Instant startedAt,
        Instant endedAt,
        List<Step> path,
        String digits,
        String outcome,
        String queue,
        String ticket) {

    /** One node visited: what it was, when, what the caller pressed (if asked) and how it ended. */
    public record Step(String node, String type, Instant at, String input, String result) {}
}
