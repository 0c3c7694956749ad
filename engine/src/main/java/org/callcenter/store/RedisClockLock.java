package org.callcenter.store;

import java.time.Duration;
import java.util.List;
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
            if (System.nanoTime() > end) throw new StoreUnavailableException("clocks of " + ticket + " are busy", null);
            LockSupport.parkNanos(park);
            park = Math.min(park * 2, 20_000_000);
        }
        try {
            return body.get();
        } finally {
            redis.client().eval(RELEASE, List.of(key), List.of(token));
        }
    }
}
