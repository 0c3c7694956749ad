package org.callcenter.agents;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.callcenter.calls.Interfaces;
import org.callcenter.common.ConflictException;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.store.Blocking;
import org.callcenter.users.UserRepository;

/**
 * Agents: which user answers which phone interface (kept in memory for the ring path, MongoDB is the
 * truth, other instances reload on {@link AgentEvents#CHANGED}), and presence (Redis).
 */
public final class AgentService {
    private final AgentRepository agents;
    private final UserRepository users;
    private final EventPublisher events;
    private final Blocking blocking;
    private final Clock clock;
    private final Map<String, String> byInterface = new ConcurrentHashMap<>();
    private final Map<String, Agent> byName = new ConcurrentHashMap<>();

    public AgentService(
            AgentRepository agents, UserRepository users, EventPublisher events, Blocking blocking, Clock clock) {
        this.agents = agents;
        this.users = users;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Loads every agent into memory. Blocking; called once at start. */
    public void load() {
        for (Agent a : agents.all()) remember(a);
    }

    /** Reloads one agent (after another instance changed it). */
    public Future<Void> reload(String username) {
        return blocking.run(() -> {
            agents.find(username).ifPresent(this::remember);
            return null;
        });
    }

    private void remember(Agent a) {
        Agent old = byName.put(a.username(), a);
        if (old != null && old.agentInterface() != null) byInterface.remove(old.agentInterface(), old.username());
        if (a.agentInterface() != null) byInterface.put(a.agentInterface(), a.username());
    }

    /** The agent answering a normalized interface, or null. Never blocks. */
    public String agentOf(String agentInterface) {
        return agentInterface == null ? null : byInterface.get(agentInterface);
    }

    public String interfaceOf(String username) {
        Agent a = byName.get(username);
        return a == null ? null : a.agentInterface();
    }

    public Future<Agent> register(String username, String rawInterface, List<String> queues) {
        String iface = Interfaces.ofMember(rawInterface);
        if (iface == null || !iface.contains("/"))
            throw InvalidInputException.of("interface", "must be a channel interface such as PJSIP/1001");
        return blocking.run(() -> {
            var user = users.find(username).orElseThrow(() -> new NotFoundException("no user " + username));
            String holder = byInterface.get(iface);
            if (holder != null && !holder.equals(username))
                throw new ConflictException("interface " + iface + " belongs to agent " + holder, null);
            Agent agent = new Agent(username, user.displayName(), iface, List.copyOf(queues), null);
            agents.upsert(agent);
            remember(agent);
            events.publish(AgentEvents.CHANGED, new AgentEvents.AgentChanged(username));
            return agent.withPresence(agents.presence(username));
        });
    }

    public Future<Agent> get(String username) {
        return blocking.run(() -> {
            Agent a = agents.find(username).orElseThrow(() -> new NotFoundException("no agent " + username));
            return a.withPresence(agents.presence(username));
        });
    }

    public Future<List<Agent>> all() {
        return blocking.run(() -> agents.all().stream()
                .map(a -> a.withPresence(agents.presence(a.username())))
                .toList());
    }

    public Future<Agent.AgentState> setPresence(String username, Presence state, String callId) {
        Agent.AgentState s = new Agent.AgentState(state, clock.instant(), callId);
        return blocking.run(() -> {
            agents.setPresence(username, s);
            events.publish(AgentEvents.PRESENCE, new AgentEvents.PresenceChanged(username, s));
            return s;
        });
    }

    /** Changes presence only when it currently is one of {@code from} (e.g. console opened: OFFLINE → AVAILABLE). */
    public Future<Agent.AgentState> transition(String username, List<Presence> from, Presence to, String callId) {
        return blocking.run(() -> agents.presence(username))
                .compose(current -> from.contains(current.state())
                        ? setPresence(username, to, callId)
                        : Future.succeededFuture(current));
    }

    public Future<Void> queueMembers(String queue, List<String> interfaces) {
        return blocking.run(() -> {
            agents.queueMembers(queue, interfaces);
            return null;
        });
    }
}
