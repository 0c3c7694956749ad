package org.callcenter.sla;

import static org.callcenter.sla.BusinessCalendarTest.cn;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.config.AppConfig.RedisConfig;
import org.callcenter.metrics.SlaMeters;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.RedisClockLock;
import org.callcenter.store.RedisClockStats;
import org.callcenter.store.RedisEscalationLog;
import org.callcenter.store.RedisStore;
import org.callcenter.store.RedisTimerIndex;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the timer-service tests share: a real Redis (own key namespace) and an embedded MongoDB per
 * test, a moving clock at a Monday 10:00 in Shanghai, and timer services that record what they
 * announce (escalations left out).
 */
abstract class SlaTimerRig {
    static final Duration LEASE = Duration.ofSeconds(30);
    final MutableClock clock = new MutableClock(cn("2026-03-09T10:00"));
    final Queue<Object> announced = new ConcurrentLinkedQueue<>();
    final EventPublisher events = (address, event) -> {
        if (!address.equals(SlaEvents.ESCALATED)) announced.add(event);
    };
    final ClockPlanner planner = new ClockPlanner(CalendarLoader.load("sla.calendar", "china-2026"));
    final String ns = "sla:" + getClass().getSimpleName() + ":" + UUID.randomUUID() + ":";
    EmbeddedMongo server;
    MongoStore mongo;
    RedisStore redis;
    MongoClockRepository repo;
    RedisTimerIndex index;
    final List<SlaTimers> services = new ArrayList<>();

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(TestRedis.tempDir("sla-timers"));
        mongo = MongoStore.open(new MongoConfig(server.uri(), "sla_timers_test", ""));
        redis = RedisStore.open(new RedisConfig(TestRedis.url(), "", "", 16));
        repo = new MongoClockRepository(mongo);
        index = new RedisTimerIndex(redis, ns + "timers");
    }

    @AfterEach
    void close() {
        services.forEach(SlaTimers::close);
        redis.close();
        mongo.close();
        server.close();
    }

    ClockLock lock() {
        return new RedisClockLock(redis, ns + "lock:", Duration.ofSeconds(10), Duration.ofMillis(300));
    }

    RedisClockStats stats() {
        return new RedisClockStats(redis, ns + "states");
    }

    /** A timer service on the shared stores, closed after the test. */
    SlaTimers timers(int batchSize) {
        SlaTimers t = new SlaTimers(
                repo,
                lock(),
                new RedisEscalationLog(redis, ns + "escalations", 1000),
                index,
                stats(),
                events,
                new SlaMeters(new SimpleMeterRegistry()),
                clock,
                LEASE,
                batchSize,
                8);
        services.add(t);
        return t;
    }

    long announcedFor(String id) {
        return announced.stream()
                .filter(o -> o instanceof SlaEvents.SlaBreached b
                        ? b.ticket().equals(id)
                        : ((SlaEvents.SlaWarned) o).ticket().equals(id))
                .count();
    }
}
