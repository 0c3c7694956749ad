package org.callcenter.store;

import java.util.HashMap;
import java.util.Map;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.ClockStats;

/** Clock counts by state in one Redis hash shared by every engine. */
public final class RedisClockStats implements ClockStats {
    private final RedisStore redis;
    private final String key;

    public RedisClockStats(RedisStore redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public void moved(ClockState from, ClockState to) {
        if (from == to) return;
        if (from != null) redis.client().hincrBy(key, BsonValues.name(from), -1);
        if (to != null) redis.client().hincrBy(key, BsonValues.name(to), 1);
    }

    @Override
    public void moved(ClockState from, ClockState to, long count) {
        if (from == to || count == 0) return;
        if (from != null) redis.client().hincrBy(key, BsonValues.name(from), -count);
        if (to != null) redis.client().hincrBy(key, BsonValues.name(to), count);
    }

    @Override
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new HashMap<>();
        for (ClockState s : ClockState.values()) out.put(BsonValues.name(s), 0L);
        redis.client().hgetAll(key).forEach((k, v) -> out.put(k, Long.parseLong(v)));
        return out;
    }

    @Override
    public boolean counted() {
        return redis.client().exists(key);
    }

    @Override
    public void reset(Map<ClockState, Long> counts) {
        Map<String, String> values = new HashMap<>();
        for (ClockState s : ClockState.values())
            values.put(BsonValues.name(s), Long.toString(counts.getOrDefault(s, 0L)));
        redis.client().hset(key, values);
    }
}
