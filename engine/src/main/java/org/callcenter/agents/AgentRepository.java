package org.callcenter.agents;

import java.util.List;
import java.util.Optional;

/** Agents in MongoDB ({@code agents}, _id = username) and their presence in Redis. Blocking. */
public interface AgentRepository {
    void upsert(Agent agent);

    Optional<Agent> find(String username);

    List<Agent> all();

    void setPresence(String username, Agent.AgentState state);

    Agent.AgentState presence(String username);

    /** Queue members Asterisk reported at the last resync: queue → interfaces. */
    void queueMembers(String queue, List<String> interfaces);
}
