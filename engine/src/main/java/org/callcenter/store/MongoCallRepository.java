package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.callcenter.calls.CallRecord;
import org.callcenter.calls.CallRepository;
import org.callcenter.calls.CallbackTask;
import org.callcenter.common.JsonMapper;

/**
 * Calls in {@code calls} and call-back tasks in {@code callbacks} (both by _id; documents are the
 * records' JSON so they read back exactly); live call ids in the Redis set {@code cc:calls:live};
 * an agent's recent calls in the Redis list {@code cc:agent:<username>:calls}.
 */
public final class MongoCallRepository implements CallRepository {
    private static final String LIVE = "cc:calls:live";
    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> callbacks;
    private final RedisStore redis;

    public MongoCallRepository(MongoStore mongo, RedisStore redis) {
        this.calls = mongo.database().getCollection("calls");
        this.callbacks = mongo.database().getCollection("callbacks");
        this.redis = redis;
    }

    @Override
    public void upsert(CallRecord call) {
        Document doc = Document.parse(JsonMapper.write(call));
        doc.remove("id");
        // one round trip; fields the record does not carry (a ticket linked at wrap-up) are kept
        calls.updateOne(eq("_id", call.id()), new Document("$set", doc), new UpdateOptions().upsert(true));
    }

    @Override
    public Optional<CallRecord> find(String id) {
        Document d = calls.find(eq("_id", id)).first();
        if (d == null) return Optional.empty();
        d.put("id", d.remove("_id"));
        return Optional.of(JsonMapper.read(d.toJson(), CallRecord.class));
    }

    @Override
    public boolean linkTicket(String callId, String ticketNumber) {
        return calls.updateOne(eq("_id", callId), Updates.set("ticketNumber", ticketNumber))
                        .getMatchedCount()
                > 0;
    }

    @Override
    public void insertCallback(CallbackTask task) {
        Document doc = Document.parse(JsonMapper.write(task));
        doc.remove("id");
        doc.put("_id", task.id());
        try {
            callbacks.insertOne(doc);
        } catch (MongoException e) {
            if (!BsonValues.duplicateKey(e)) throw e;
        }
    }

    @Override
    public List<CallbackTask> openCallbacks(int limit) {
        List<CallbackTask> out = new ArrayList<>();
        for (Document d : callbacks.find(eq("status", "open")).limit(limit)) {
            d.put("id", d.remove("_id"));
            out.add(JsonMapper.read(d.toJson(), CallbackTask.class));
        }
        return out;
    }

    @Override
    public void markLive(String callId, boolean live) {
        if (live) redis.client().sadd(LIVE, callId);
        else redis.client().srem(LIVE, callId);
    }

    @Override
    public Set<String> liveIds() {
        return new HashSet<>(redis.client().smembers(LIVE));
    }

    @Override
    public void addRecent(String agent, String callId, int keep) {
        String key = "cc:agent:" + agent + ":calls";
        redis.client().lrem(key, 0, callId);
        redis.client().lpush(key, callId);
        redis.client().ltrim(key, 0, keep - 1);
    }

    @Override
    public List<String> recent(String agent, int limit) {
        return redis.client().lrange("cc:agent:" + agent + ":calls", 0, limit - 1);
    }
}
