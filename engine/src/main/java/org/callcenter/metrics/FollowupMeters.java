package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The meters of return calls, declared once (names {@code callcenter.followup.*}). */
public final class FollowupMeters {
    public static final String PLANNED = "callcenter.followup.planned";
    public static final String PLANNING_TIME = "callcenter.followup.planning.time";
    public static final String OUTCOMES = "callcenter.followup.outcomes";
    public static final String OPEN = "callcenter.followup.open";

    private final MeterRegistry registry;
    private final AtomicLong open = new AtomicLong();
    private final Counter planned;
    private final Timer planning;

    public FollowupMeters(MeterRegistry registry) {
        this.registry = registry;
        this.planned = Counter.builder(PLANNED)
                .description("Follow-ups created or given new reasons by planning")
                .register(registry);
        this.planning = Timer.builder(PLANNING_TIME)
                .description("Time to plan every customer once")
                .register(registry);
        Gauge.builder(OPEN, open, AtomicLong::get)
                .description("Follow-ups still to be called")
                .register(registry);
    }

    public void planned(int changed, Duration took, long openNow) {
        planned.increment(changed);
        planning.record(took);
        open.set(openNow);
    }

    public void outcome(String outcome) {
        Counter.builder(OUTCOMES)
                .description("Recorded attempts by outcome")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
