package org.callcenter.followup;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callcenter.agents.Agent;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;

/**
 * Agent presence for progressive dialling, through the {@code agents/} domain (presence in Redis).
 * Blocking: called from the timer handlers' virtual threads.
 */
final class FollowupAgents implements ProgressiveDialler.AgentDirectory {
    private static final long WAIT_SECONDS = 10;
    private final AgentService agents;

    FollowupAgents(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public List<ProgressiveDialler.FreeAgent> available(String only) {
        return await(agents.all()).stream()
                .filter(a -> only == null || only.equals(a.username()))
                .filter(a -> a.agentInterface() != null && a.presence() != null)
                .filter(a -> a.presence().state() == Presence.AVAILABLE)
                .sorted(Comparator.comparing(
                        (Agent a) -> a.presence().since(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(a -> new ProgressiveDialler.FreeAgent(a.username(), a.agentInterface()))
                .toList();
    }

    @Override
    public boolean occupy(String agent, String callId) {
        Agent.AgentState s = await(agents.transition(agent, List.of(Presence.AVAILABLE), Presence.ON_CALL, callId));
        return s.state() == Presence.ON_CALL && callId.equals(s.callId());
    }

    @Override
    public void free(String agent, String callId) {
        Agent a = await(agents.get(agent));
        if (a.presence() != null
                && a.presence().state() == Presence.ON_CALL
                && callId.equals(a.presence().callId())) await(agents.setPresence(agent, Presence.AVAILABLE, null));
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("agents unavailable: " + e.getMessage(), e);
        }
    }
}
