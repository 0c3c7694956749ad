package org.callcenter.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callcenter.users.Role;
import org.callcenter.users.Session;
import org.callcenter.users.SessionStore;
import redis.clients.jedis.params.SetParams;

/** Sessions at {@code cc:session:<sha256(token)>} = "username role expiresAtEpochSecond", with a TTL. */
public final class RedisSessionStore implements SessionStore {
    private final RedisStore redis;

    public RedisSessionStore(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public void put(String tokenHash, Session s, Duration ttl) {
        String value =
                s.username() + " " + s.role().name() + " " + s.expiresAt().getEpochSecond();
        redis.client().set(key(tokenHash), value, SetParams.setParams().ex(ttl.toSeconds()));
    }

    @Override
    public Optional<Session> get(String tokenHash) {
        String value = redis.client().get(key(tokenHash));
        if (value == null) return Optional.empty();
        String[] parts = value.split(" ");
        if (parts.length != 3) return Optional.empty();
        return Optional.of(
                new Session(parts[0], Role.valueOf(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2]))));
    }

    @Override
    public void remove(String tokenHash) {
        redis.client().del(key(tokenHash));
    }

    private static String key(String tokenHash) {
        return "cc:session:" + tokenHash;
    }
}
