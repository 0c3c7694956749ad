package org.callcenter.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.callcenter.sla.ClockLock;
import redis.clients.jedis.params.SetParams;

/**
 * A per-request lock in Redis: SET NX PX with a random token, released only by its holder (Lua). The
 * expiry bounds how long a dead holder blocks others; writes under it take milliseconds.
 */
public final class RedisClockLock implements ClockLock {
    private static final String RELEASE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private static final String LOCK_ALL = """
            local taken = {}
            for _, k in ipairs(KEYS) do
              if redis.call('SET', k, ARGV[1], 'NX', 'PX', ARGV[2]) then taken[#taken + 1] = k end
            end
            return taken
            """;
    private static final String RELEASE_ALL = """
            local n = 0
            for _, k in ipairs(KEYS) do
              if redis.call('GET', k) == ARGV[1] then n = n + redis.call('DEL', k) end
            end
            return n
            """;

    private final RedisStore redis;
    private final String prefix;
    private final Duration expiry;
    private final Duration wait;

    public RedisClockLock(RedisStore redis, String prefix, Duration expiry, Duration wait) {
        this.redis = redis;
        this.prefix = prefix;
        this.expiry = expiry;
        this.wait = wait;
    }

    @Override
    public <T> T locked(String ticket, Supplier<T> body) {
        String key = prefix + ticket;
        String token = UUID.randomUUID().toString();
        long end = System.nanoTime() + wait.toNanos();
        long park = 200_000;
        while (!"OK"
                .equals(redis.client()
                        .set(key, token, SetParams.setParams().nx().px(expiry.toMillis())))) {
            if (System.nanoTime() > end)
                throw new StoreUnavailableException(
                        "request " + ticket + " is busy: another change of it is in progress; try again", null);
            LockSupport.parkNanos(park);
            park = Math.min(park * 2, 20_000_000);
        }
        try {
            return body.get();
        } finally {
            redis.client().eval(RELEASE, List.of(key), List.of(token));
        }
    }

    @Override
    public Held tryLockAll(Collection<String> tickets) {
        if (tickets.isEmpty()) return new Held("", Set.of());
        String token = UUID.randomUUID().toString();
        List<String> keys = tickets.stream().map(t -> prefix + t).toList();
        Object reply = redis.client().eval(LOCK_ALL, keys, List.of(token, Long.toString(expiry.toMillis())));
        Set<String> held = new HashSet<>();
        if (reply instanceof List<?> taken)
            for (Object k : taken) {
                String key = k instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : k.toString();
                held.add(key.substring(prefix.length()));
            }
        return new Held(token, held);
    }

    @Override
    public void unlockAll(Held held) {
        if (held.tickets().isEmpty()) return;
        List<String> keys = held.tickets().stream().map(t -> prefix + t).toList();
        redis.client().eval(RELEASE_ALL, keys, List.of(held.token()));
    }
}
