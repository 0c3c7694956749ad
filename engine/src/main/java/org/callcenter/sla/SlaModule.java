package org.callcenter.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.SlaConfig;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.metrics.SlaMeters;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.RedisClockLock;
import org.callcenter.store.RedisClockStats;
import org.callcenter.store.RedisEscalationLog;
import org.callcenter.store.RedisStore;
import org.callcenter.store.RedisTimerIndex;
import org.callcenter.tickets.TicketEvents;
import org.callcenter.tickets.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle and wiring of the SLA domain: rebuilds the timer index from MongoDB, starts the poller,
 * and listens to the request lifecycle and to clock commands on the event bus.
 */
public final class SlaModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlaModule.class);
    private static final long GAUGE_EVERY_MILLIS = 5_000;

    private final SlaService service;
    private final SlaTimers timers;
    private final Ticker ticker;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private RedisStore ownRedis;

    public SlaModule(SlaService service, SlaTimers timers, Ticker ticker) {
        this.service = service;
        this.timers = timers;
        this.ticker = ticker;
    }

    /** Wires the SLA domain on the engine's stores (Redis keys sla:*). */
    public static SlaModule wire(
            SlaConfig config,
            BusinessCalendar calendar,
            MongoStore mongo,
            RedisStore redis,
            TicketRepository tickets,
            CustomerRepository customers,
            EventPublisher events,
            MeterRegistry registry,
            Blocking blocking,
            Clock clock) {
        // the SLA domain's own Redis pool: timer polling never competes with request handling
        redis = redis.bulkhead(config.concurrency() + 8);
        MongoClockRepository clocks = new MongoClockRepository(mongo);
        RedisClockStats stats = new RedisClockStats(redis, "sla:clock-states");
        SlaMeters meters = new SlaMeters(registry);
        RedisClockLock lock = new RedisClockLock(redis, "sla:lock:", Duration.ofSeconds(10), Duration.ofSeconds(5));
        SlaTimers timers = new SlaTimers(
                clocks,
                lock,
                new RedisEscalationLog(redis, "sla:escalations", 1000),
                new RedisTimerIndex(redis, "sla:timers"),
                stats,
                events,
                meters,
                clock,
                Duration.ofSeconds(config.leaseSeconds()),
                config.batchSize(),
                config.concurrency());
        SlaService service = new SlaService(
                new ClockPlanner(calendar),
                config,
                clocks,
                lock,
                timers,
                stats,
                tickets,
                customers,
                events,
                meters,
                blocking,
                clock);
        SlaModule module = new SlaModule(service, timers, new ScheduledTicker());
        module.ownRedis = redis;
        return module;
    }

    public SlaService service() {
        return service;
    }

    /** Rebuilds the index from MongoDB in the background, listens and polls. */
    public void start(Vertx vertx, Duration pollEvery) {
        // timers that survived in Redis fire first; then the compact registry in MongoDB adds the
        // missing ones beside the poller, which claims overdue ones as soon as they are in.
        // The counts by state live in Redis; recounted (a scan of every request) only when lost, which
        // is asked before anything fires or changes: a move recreates the hash with partial counts
        boolean recount = countsLost();
        Thread.ofVirtual().name("sla-rebuild").start(() -> {
            long began = System.nanoTime();
            try {
                timers.pollOnce();
                long indexed = timers.rebuild();
                log.info(
                        "SLA: timer index rebuilt from MongoDB: {} timers in {} ms",
                        indexed,
                        (System.nanoTime() - began) / 1_000_000);
                if (recount) timers.recountStates();
            } catch (RuntimeException e) {
                log.error("SLA: timer index rebuild failed; restart the engine to retry: {}", e.toString());
            }
        });
        listen(vertx, TicketEvents.OPENED, (TicketEvents.TicketOpened e) -> e.number());
        listen(vertx, TicketEvents.CHANGED, (TicketEvents.TicketChanged e) -> e.number());
        listen(vertx, TicketEvents.FEEDBACK_GIVEN, (TicketEvents.FeedbackGiven e) -> e.number());
        consumers.add(vertx.eventBus()
                .<SlaEvents.StartClock>consumer(
                        SlaEvents.START_CLOCK,
                        m -> service.start(m.body())
                                .onFailure(e -> log.warn("start-clock command refused: {}", e.getMessage()))));
        consumers.add(vertx.eventBus()
                .<SlaEvents.StopClock>consumer(
                        SlaEvents.STOP_CLOCK,
                        m -> service.stop(m.body())
                                .onFailure(e -> log.warn("stop-clock command refused: {}", e.getMessage()))));
        AtomicLong lastGauge = new AtomicLong();
        AtomicLong resumeAt = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ticker.every(pollEvery, () -> {
            long now = System.nanoTime() / 1_000_000;
            if (now < resumeAt.get()) return;
            try {
                timers.pollOnce();
                if (failures.getAndSet(0) > 0) log.info("SLA: timer polling works again");
            } catch (RuntimeException e) {
                // a store is down: back off (0.5 s doubling to 10 s) instead of hammering it every poll
                long n = failures.incrementAndGet();
                resumeAt.set(now + Math.min(10_000, 500L << Math.min(5, n - 1)));
                if (n == 1) log.warn("SLA: timer polling failed, backing off: {}", e.toString());
                return;
            }
            if (now - lastGauge.get() >= GAUGE_EVERY_MILLIS) {
                lastGauge.set(now);
                timers.refreshGauges();
            }
        });
    }

    private boolean countsLost() {
        try {
            return !timers.statesCounted();
        } catch (RuntimeException e) {
            // when Redis cannot say, a recount is correct anyway
            log.warn("SLA: could not tell whether the clock counts are in Redis; recounting: {}", e.toString());
            return true;
        }
    }

    private <T> void listen(Vertx vertx, String address, java.util.function.Function<T, String> number) {
        consumers.add(vertx.eventBus()
                .<T>consumer(
                        address,
                        m -> service.reconcileAsync(number.apply(m.body()))
                                .onFailure(e -> log.warn(
                                        "SLA clocks of {} not updated: {}", number.apply(m.body()), e.toString()))));
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
        ticker.close();
        timers.close();
        if (ownRedis != null) ownRedis.close();
    }
}
