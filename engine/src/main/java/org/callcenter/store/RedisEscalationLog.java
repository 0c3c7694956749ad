package org.callcenter.store;

import java.util.ArrayList;
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

    /** ARGV: keep, then id, at, json per escalation; trims once at the end. */
    private static final String RECORD_ALL = """
            for i = 2, #ARGV, 3 do
              if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 2]) == 1 then
                redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
              end
            end
            local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
            if extra > 0 then
              local old = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
              for _, id in ipairs(old) do redis.call('HDEL', KEYS[2], id) end
            end
            return 0
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
    public void recordAll(List<Escalation> escalations) {
        if (escalations.isEmpty()) return;
        List<String> args = new ArrayList<>(escalations.size() * 3 + 1);
        args.add(Integer.toString(keep));
        for (Escalation e : escalations) {
            args.add(e.id());
            args.add(Long.toString(e.at().toEpochMilli()));
            args.add(JsonMapper.write(e));
        }
        redis.client().eval(RECORD_ALL, List.of(key + ":order", key + ":items"), args);
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
