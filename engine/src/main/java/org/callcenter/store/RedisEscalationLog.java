package org.callcenter.store;

import java.util.List;
import org.callcenter.common.JsonMapper;
import org.callcenter.sla.Escalation;
import org.callcenter.sla.EscalationLog;

/** Recent escalations: a sorted set of ids by time plus a hash id → JSON, trimmed to {@code keep}. */
public final class RedisEscalationLog implements EscalationLog {
    private static final String RECORD = """
            if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3]) == 0 then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
            if extra > 0 then
              local old = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
              redis.call('HDEL', KEYS[2], unpack(old))
            end
            return 1
            """;

    private final RedisStore redis;
    private final String key;
    private final int keep;

    public RedisEscalationLog(RedisStore redis, String key, int keep) {
        this.redis = redis;
        this.key = key;
        this.keep = keep;
    }

    @Override
    public boolean record(Escalation e) {
        Object r = redis.client()
                .eval(
                        RECORD,
                        List.of(key + ":order", key + ":items"),
                        List.of(
                                e.id(),
                                Long.toString(e.at().toEpochMilli()),
                                JsonMapper.write(e),
                                Integer.toString(keep)));
        return Long.valueOf(1).equals(r);
    }

    @Override
    public List<Escalation> recent(int limit) {
        List<String> ids = redis.client().zrevrange(key + ":order", 0, limit - 1);
        if (ids.isEmpty()) return List.of();
        return redis.client().hmget(key + ":items", ids.toArray(String[]::new)).stream()
                .filter(j -> j != null)
                .map(j -> JsonMapper.read(j, Escalation.class))
                .toList();
    }
}
