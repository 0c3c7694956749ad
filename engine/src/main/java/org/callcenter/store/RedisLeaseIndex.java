package org.callcenter.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.sla.LeaseIndex;
import redis.clients.jedis.params.ZAddParams;

/**
 * A {@link LeaseIndex} in one Redis sorted set: score = epoch millis when the member is next
 * claimable. A claim (Lua, atomic) takes the due members and moves their score to the end of the
 * lease, so a claimer that dies simply lets the member fall due again; completing removes the member
 * only while the score is still this claimer's lease.
 */
public final class RedisLeaseIndex implements LeaseIndex {
    private static final int BATCH = 1000;
    private static final String CLAIM = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], m) end
            return due
            """;
    private static final String COMPLETE = """
            local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if s and tonumber(s) == tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
            return 0
            """;

    private static final String COMPLETE_ALL = """
            local n = 0
            for i = 2, #ARGV do
              local s = redis.call('ZSCORE', KEYS[1], ARGV[i])
              if s and tonumber(s) == tonumber(ARGV[1]) then n = n + redis.call('ZREM', KEYS[1], ARGV[i]) end
            end
            return n
            """;

    private final RedisStore redis;
    private final String key;

    public RedisLeaseIndex(RedisStore redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public void add(Map<String, Instant> members) {
        write(members, ZAddParams.zAddParams());
    }

    @Override
    public void addMissing(Map<String, Instant> members) {
        write(members, ZAddParams.zAddParams().nx());
    }

    private void write(Map<String, Instant> members, ZAddParams params) {
        Map<String, Double> batch = new HashMap<>();
        for (Map.Entry<String, Instant> m : members.entrySet()) {
            batch.put(m.getKey(), (double) m.getValue().toEpochMilli());
            if (batch.size() >= BATCH) {
                redis.client().zadd(key, batch, params);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) redis.client().zadd(key, batch, params);
    }

    @Override
    public void remove(Collection<String> members) {
        if (members.isEmpty()) return;
        redis.client().zrem(key, members.toArray(String[]::new));
    }

    @Override
    public List<String> claim(Instant now, Instant leaseUntil, int max) {
        Object reply = redis.client()
                .eval(
                        CLAIM,
                        List.of(key),
                        List.of(
                                Long.toString(now.toEpochMilli()),
                                Long.toString(leaseUntil.toEpochMilli()),
                                Integer.toString(max)));
        List<String> out = new ArrayList<>();
        if (reply instanceof List<?> members)
            for (Object m : members)
                out.add(m instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : m.toString());
        return out;
    }

    @Override
    public void complete(String member, Instant leaseUntil) {
        redis.client().eval(COMPLETE, List.of(key), List.of(member, Long.toString(leaseUntil.toEpochMilli())));
    }

    @Override
    public void completeAll(Collection<String> members, Instant leaseUntil) {
        if (members.isEmpty()) return;
        List<String> args = new ArrayList<>(members.size() + 1);
        args.add(Long.toString(leaseUntil.toEpochMilli()));
        args.addAll(members);
        redis.client().eval(COMPLETE_ALL, List.of(key), args);
    }

    @Override
    public long size() {
        return redis.client().zcard(key);
    }
}
