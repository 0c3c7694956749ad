package org.callcenter.sla;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link Ticker}: one daemon thread, fixed delay between runs, errors logged. */
public final class ScheduledTicker implements Ticker {
    private static final Logger log = LoggerFactory.getLogger(ScheduledTicker.class);
    private final String name;
    private final ScheduledExecutorService executor;

    public ScheduledTicker() {
        this("sla");
    }

    /** {@code name}: whose timers it polls (thread name and log lines), e.g. {@code followup}. */
    public ScheduledTicker(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(name + "-ticker").factory());
    }

    @Override
    public void every(Duration period, Runnable task) {
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("{} timer poll failed (will retry): {}", name, e.toString());
                    }
                },
                0,
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
