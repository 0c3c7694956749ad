package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The meters of the SLA clocks, declared once (names {@code callcenter.sla.*}). */
public final class SlaMeters {
    public static final String CLOCKS = "callcenter.sla.clocks";
    public static final String WARNINGS = "callcenter.sla.warnings";
    public static final String BREACHES = "callcenter.sla.breaches";
    public static final String TIME_TO_BREACH = "callcenter.sla.time_to_breach";
    public static final String TIMER_LAG = "callcenter.sla.timer.lag";
    public static final String TIMERS_PENDING = "callcenter.sla.timers.pending";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> clocksByState = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();

    public SlaMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(TIMERS_PENDING, pending, AtomicLong::get)
                .description("Timers in the Redis firing index")
                .register(registry);
    }

    /** Open clocks by state (running, paused) and closed ones (met, breached, cancelled), all requests. */
    public void clocks(Map<String, Long> byState) {
        byState.forEach((state, n) -> clocksByState
                .computeIfAbsent(state, s -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(CLOCKS, value, AtomicLong::get)
                            .description("SLA clocks by state")
                            .tag("state", s)
                            .register(registry);
                    return value;
                })
                .set(n));
    }

    public void pendingTimers(long n) {
        pending.set(n);
    }

    public void warned(String clock) {
        Counter.builder(WARNINGS)
                .description("SLA warnings fired")
                .tag("clock", clock)
                .register(registry)
                .increment();
    }

    public void breached(String clock) {
        Counter.builder(BREACHES)
                .description("SLA breaches")
                .tag("clock", clock)
                .register(registry)
                .increment();
    }

    /** How much time was left before the breach when the clock was met. */
    public void met(String clock, Duration margin) {
        Timer.builder(TIME_TO_BREACH)
                .description("Time left before the breach when a clock was met")
                .tag("clock", clock)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(registry)
                .record(margin.isNegative() ? Duration.ZERO : margin);
    }

    /** How late a timer fired after its due instant. */
    public void timerLag(Duration lag) {
        Timer.builder(TIMER_LAG)
                .description("Lateness of SLA timers (firing instant minus due instant)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
