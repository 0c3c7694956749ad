package org.callcenter.followup;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callcenter.agents.Agent;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;
import org.callcenter.sla.ClockLock;
import org.callcenter.store.StoreUnavailableException;

/**
 * Agent presence for progressive dialling, through the {@code agents/} domain (presence in Redis).
 * Blocking: called from the timer handlers' virtual threads.
 */
final class FollowupAgents implements ProgressiveDialler.AgentDirectory {
    private static final long WAIT_SECONDS = 10;
    private final AgentService agents;
    private final ClockLock lock;

    /** {@code lock}: a short per-agent lock shared by the engine instances (Redis in production). */
    FollowupAgents(AgentService agents, ClockLock lock) {
        this.agents = agents;
        this.lock = lock;
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
        // read-then-write of presence under one lock across instances: two engines never give the same
        // free agent two calls
        try {
            return lock.locked(agent, () -> {
                Agent.AgentState s =
                        await(agents.transition(agent, List.of(Presence.AVAILABLE), Presence.ON_CALL, callId));
                return s.state() == Presence.ON_CALL && callId.equals(s.callId());
            });
        } catch (StoreUnavailableException e) {
            return false; // another instance is taking this agent right now
        }
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
