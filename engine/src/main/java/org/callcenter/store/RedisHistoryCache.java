package org.callcenter.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.callcenter.common.JsonMapper;
import org.callcenter.screenpop.HistoryCache;
import org.callcenter.screenpop.HistorySnapshot;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Caller history in Redis. {@code cc:phone:<e164>} = customer id ("" = nobody's),
 * {@code cc:hist:<customerId>} = snapshot JSON. Each has a generation key {@code cc:gen:...} that
 * every invalidation increments; a loader stores its value only if the generation it read before
 * loading is unchanged (checked atomically in Lua), so no stale value survives a concurrent write.
 */
public final class RedisHistoryCache implements HistoryCache {
    private static final String PUT_IF_GENERATION = """
            local gen = redis.call('GET', KEYS[2]) or '0'
            if gen == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
              return 1
            end
            return 0
            """;
    private static final String INVALIDATE = """
            for i = 1, #KEYS, 2 do
              redis.call('INCR', KEYS[i + 1])
              redis.call('EXPIRE', KEYS[i + 1], tonumber(ARGV[1]))
              redis.call('DEL', KEYS[i])
            end
            return #KEYS / 2
            """;
    private static final long GENERATION_TTL_SECONDS = 86_400;

    private final RedisStore redis;
    private final long ttlSeconds;

    public RedisHistoryCache(RedisStore redis, long ttlSeconds) {
        this.redis = redis;
        this.ttlSeconds = ttlSeconds;
    }

    @Override
    public Cached<String> customerForPhone(String e164) {
        return read(phoneKey(e164), phoneGen(e164), s -> s);
    }

    @Override
    public void putCustomerForPhone(String e164, String customerIdOrEmpty, String stamp) {
        put(phoneKey(e164), phoneGen(e164), customerIdOrEmpty, stamp);
    }

    @Override
    public Cached<HistorySnapshot> snapshot(String customerId) {
        return read(histKey(customerId), histGen(customerId), s -> JsonMapper.read(s, HistorySnapshot.class));
    }

    @Override
    public void putSnapshot(String customerId, HistorySnapshot snapshot, String stamp) {
        put(histKey(customerId), histGen(customerId), JsonMapper.write(snapshot), stamp);
    }

    @Override
    public void invalidate(String customerId, Collection<String> phones) {
        List<String> keys = new ArrayList<>();
        keys.add(histKey(customerId));
        keys.add(histGen(customerId));
        for (String p : phones) {
            keys.add(phoneKey(p));
            keys.add(phoneGen(p));
        }
        redis.client().eval(INVALIDATE, keys, List.of(String.valueOf(GENERATION_TTL_SECONDS)));
    }

    @Override
    public void clear() {
        for (String pattern : List.of("cc:hist:*", "cc:phone:*")) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match(pattern).count(1000);
            do {
                ScanResult<String> page = redis.client().scan(cursor, params);
                if (!page.getResult().isEmpty())
                    redis.client().del(page.getResult().toArray(String[]::new));
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private <T> Cached<T> read(String key, String genKey, java.util.function.Function<String, T> decode) {
        List<String> values = redis.client().mget(key, genKey);
        String value = values.get(0);
        String gen = values.get(1) == null ? "0" : values.get(1);
        return new Cached<>(value == null ? Optional.empty() : Optional.of(decode.apply(value)), gen);
    }

    private void put(String key, String genKey, String value, String stamp) {
        redis.client().eval(PUT_IF_GENERATION, List.of(key, genKey), List.of(stamp, value, String.valueOf(ttlSeconds)));
    }

    private static String phoneKey(String e164) {
        return "cc:phone:" + e164;
    }

    private static String phoneGen(String e164) {
        return "cc:gen:phone:" + e164;
    }

    private static String histKey(String customerId) {
        return "cc:hist:" + customerId;
    }

    private static String histGen(String customerId) {
        return "cc:gen:hist:" + customerId;
    }
}
