package org.callcenter.agents;

/** Event-bus addresses and records of the agents domain. */
public final class AgentEvents {
    /** An agent's presence changed. Body: {@link PresenceChanged}. */
    public static final String PRESENCE = "callcenter.agents.presence";
    /** An agent's interface or queues changed (every instance reloads it). Body: {@link AgentChanged}. */
    public static final String CHANGED = "callcenter.agents.changed";

    private AgentEvents() {}

    public record PresenceChanged(String username, Agent.AgentState state) {}

    public record AgentChanged(String username) {}
}
