package org.callcenter.agents;

import java.time.Instant;
import java.util.List;

/**
 * An agent: a user of the engine (role agent or above) with the phone interface Asterisk rings
 * ({@code PJSIP/1001}, {@code Local/101@queue-agents}) and the queues they answer. Presence lives in Redis.
 */
public record Agent(
        String username, String displayName, String agentInterface, List<String> queues, AgentState presence) {

    public record AgentState(Presence state, Instant since, String callId) {}

    public Agent withPresence(AgentState state) {
        return new Agent(username, displayName, agentInterface, queues, state);
    }
}
