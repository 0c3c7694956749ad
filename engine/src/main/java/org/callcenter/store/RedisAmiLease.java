package org.callcenter.store;

import java.time.Duration;
import java.util.List;
import org.callcenter.telephony.AmiOwnership;

/** The AMI ownership lease: {@code cc:ami:owner:<host>:<port>} = owner id, with a TTL renewed by the owner. */
public final class RedisAmiLease implements AmiOwnership {
    private static final String ACQUIRE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) "
            + "elseif redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 else return 0 end";
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisStore redis;
    private final String key;

    public RedisAmiLease(RedisStore redis, String host, int port) {
        this.redis = redis;
        this.key = "cc:ami:owner:" + host + ":" + port;
    }

    @Override
    public boolean acquireOrRenew(String owner, Duration ttl) {
        Object r = redis.client().eval(ACQUIRE, List.of(key), List.of(owner, String.valueOf(ttl.toMillis())));
        return r instanceof Long l && l == 1L;
    }

    @Override
    public void release(String owner) {
        redis.client().eval(RELEASE, List.of(key), List.of(owner));
    }
}
