package org.callcenter.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.callcenter.config.AppConfig.RedisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/** The Redis connection (hot state): the real server at REDIS_URL, or an embedded redis-server child. */
public final class RedisStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);

    private final JedisPooled client;
    private final Optional<EmbeddedRedis> embedded;
    private final String description;
    private final String url;

    private RedisStore(JedisPooled client, Optional<EmbeddedRedis> embedded, String description, String url) {
        this.client = client;
        this.embedded = embedded;
        this.description = description;
        this.url = url;
    }

    public static RedisStore open(RedisConfig config) {
        Optional<EmbeddedRedis> embedded = Optional.empty();
        String url = config.url();
        String description;
        if (config.embedded()) {
            EmbeddedRedis server = EmbeddedRedis.start(config.serverBinary(), Path.of(config.dataDir()));
            embedded = Optional.of(server);
            url = server.url();
            description = "embedded redis-server child process (" + server.binary() + ") at " + url;
        } else {
            description = "Redis at " + MongoStore.redactCredentials(url);
        }
        log.info("Redis: using {}", description);
        return new RedisStore(pooled(url, config.poolSize()), embedded, description, url);
    }

    private static JedisPooled pooled(String url, int size) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMinIdle(Math.min(4, size));
        pool.setMaxWait(Duration.ofSeconds(2));
        pool.setTestWhileIdle(true);
        pool.setJmxEnabled(false);
        return new JedisPooled(pool, URI.create(url), 2000);
    }

    /**
     * A separate connection pool to the same server (a bulkhead): background work such as the SLA
     * timer poller then never takes connections from request handling. Closing it leaves the server.
     */
    public RedisStore bulkhead(int poolSize) {
        return new RedisStore(pooled(url, poolSize), Optional.empty(), description + " (bulkhead pool)", url);
    }

    public JedisPooled client() {
        return client;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    public String description() {
        return description;
    }

    /** True when the server answers PING. Blocking. */
    public boolean ping() {
        try {
            return "PONG".equals(client.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedRedis::close);
    }
}
