package org.callcenter.telephony;

import java.time.Duration;

/**
 * Command: ring {@code channel} (the agent's phone) first; when it answers, dial {@code exten} in
 * {@code context} (the customer). Sent as a synchronous AMI Originate, so the answer says whether
 * the first leg came up within {@code timeout}.
 */
public record OriginateCall(String channel, String context, String exten, String callerId, Duration timeout) {

    /** {@code ok}: the first leg answered and the customer is being dialled; else why not. */
    public record Result(boolean ok, String message) {}
}
