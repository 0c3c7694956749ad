package org.callcenter.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.sla.TimerIndex;
import org.callcenter.sla.TimerRef;
import redis.clients.jedis.params.ZAddParams;

/**
 * Timers in one Redis sorted set: score = epoch millis when the timer is next claimable. A claim (Lua,
 * atomic) takes the due members and moves their score to the end of the lease, so a claimer that dies
 * simply lets the member fall due again. The member itself names ticket, clock, kind, plan and due.
 */
public final class RedisTimerIndex implements TimerIndex {
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

    private final RedisStore redis;
    private final String key;

    public RedisTimerIndex(RedisStore redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public void add(Collection<TimerRef> timers) {
        write(timers, ZAddParams.zAddParams());
    }

    @Override
    public void addMissing(Collection<TimerRef> timers) {
        write(timers, ZAddParams.zAddParams().nx());
    }

    private void write(Collection<TimerRef> timers, ZAddParams params) {
        Map<String, Double> batch = new HashMap<>();
        for (TimerRef t : timers) {
            batch.put(t.member(), (double) t.due().toEpochMilli());
            if (batch.size() >= BATCH) {
                redis.client().zadd(key, batch, params);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) redis.client().zadd(key, batch, params);
    }

    @Override
    public void remove(Collection<TimerRef> timers) {
        if (timers.isEmpty()) return;
        redis.client().zrem(key, timers.stream().map(TimerRef::member).toArray(String[]::new));
    }

    @Override
    public List<TimerRef> claim(Instant now, Instant leaseUntil, int max) {
        Object reply = redis.client()
                .eval(
                        CLAIM,
                        List.of(key),
                        List.of(
                                Long.toString(now.toEpochMilli()),
                                Long.toString(leaseUntil.toEpochMilli()),
                                Integer.toString(max)));
        List<TimerRef> out = new ArrayList<>();
        if (reply instanceof List<?> members)
            for (Object m : members)
                out.add(TimerRef.parse(
                        m instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : m.toString()));
        return out;
    }

    @Override
    public void complete(TimerRef timer, Instant leaseUntil) {
        redis.client().eval(COMPLETE, List.of(key), List.of(timer.member(), Long.toString(leaseUntil.toEpochMilli())));
    }

    @Override
    public long size() {
        return redis.client().zcard(key);
    }
}
