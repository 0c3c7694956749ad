package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.agents.Agent;
import org.callcenter.agents.AgentRepository;
import org.callcenter.agents.Presence;

/** Agents in {@code agents} (_id = username); presence in the Redis hash {@code cc:agent:<username>:presence}. */
public final class MongoAgentRepository implements AgentRepository {
    private final MongoCollection<Document> agents;
    private final RedisStore redis;

    public MongoAgentRepository(MongoStore mongo, RedisStore redis) {
        this.agents = mongo.database().getCollection("agents");
        this.redis = redis;
    }

    @Override
    public void upsert(Agent a) {
        Document doc = new Document("_id", a.username())
                .append("displayName", a.displayName())
                .append("interface", a.agentInterface())
                .append("queues", a.queues());
        agents.replaceOne(eq("_id", a.username()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Agent> find(String username) {
        return Optional.ofNullable(agents.find(eq("_id", username)).first()).map(MongoAgentRepository::agent);
    }

    @Override
    public List<Agent> all() {
        List<Agent> out = new ArrayList<>();
        agents.find().forEach(d -> out.add(agent(d)));
        return out;
    }

    @Override
    public void setPresence(String username, Agent.AgentState s) {
        redis.client()
                .hset(
                        key(username),
                        Map.of(
                                "state", s.state().name(),
                                "since", String.valueOf(s.since().toEpochMilli()),
                                "call", s.callId() == null ? "" : s.callId()));
    }

    @Override
    public Agent.AgentState presence(String username) {
        Map<String, String> h = redis.client().hgetAll(key(username));
        if (h == null || h.isEmpty()) return new Agent.AgentState(Presence.OFFLINE, null, null);
        String call = h.getOrDefault("call", "");
        return new Agent.AgentState(
                Presence.valueOf(h.getOrDefault("state", "OFFLINE")),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("since", "0"))),
                call.isEmpty() ? null : call);
    }

    @Override
    public void queueMembers(String queue, List<String> interfaces) {
        String key = "cc:queue:" + queue + ":members";
        redis.client().del(key);
        if (!interfaces.isEmpty()) redis.client().sadd(key, interfaces.toArray(String[]::new));
    }

    private static String key(String username) {
        return "cc:agent:" + username + ":presence";
    }

    @SuppressWarnings("unchecked")
    private static Agent agent(Document d) {
        return new Agent(
                d.getString("_id"),
                d.getString("displayName"),
                d.getString("interface"),
                d.get("queues") == null ? List.of() : List.copyOf((List<String>) d.get("queues")),
                null);
    }
}
