package org.callcenter.sla;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.callcenter.tickets.TicketEvents;
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

    public SlaModule(SlaService service, SlaTimers timers, Ticker ticker) {
        this.service = service;
        this.timers = timers;
        this.ticker = ticker;
    }

    /** Rebuilds the index (blocking), then listens and polls. */
    public void start(Vertx vertx, Duration pollEvery) {
        long began = System.nanoTime();
        long indexed = timers.rebuild();
        log.info(
                "SLA: timer index rebuilt from MongoDB: {} timers in {} ms",
                indexed,
                (System.nanoTime() - began) / 1_000_000);
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
        ticker.every(pollEvery, () -> {
            timers.pollOnce();
            long now = System.nanoTime() / 1_000_000;
            if (now - lastGauge.get() >= GAUGE_EVERY_MILLIS) {
                lastGauge.set(now);
                timers.refreshGauges();
            }
        });
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
    }
}
