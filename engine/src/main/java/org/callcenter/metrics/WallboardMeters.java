package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;

/** The meters of the supervisors' wallboard, declared once (names {@code callcenter.wallboard.*}). */
public final class WallboardMeters {
    public static final String VIEWERS = "callcenter.wallboard.viewers";
    public static final String PUSHES = "callcenter.wallboard.pushes";
    public static final String PUSH_TIME = "callcenter.wallboard.push.time";
    public static final String DROPPED = "callcenter.wallboard.viewers.dropped";
    public static final String STORE_QUERIES = "callcenter.wallboard.store.queries";

    private final MeterRegistry registry;
    private final Counter pushes;
    private final Timer pushTime;
    private final Counter dropped;

    public WallboardMeters(MeterRegistry registry) {
        this.registry = registry;
        this.pushes = Counter.builder(PUSHES)
                .description("Wallboard snapshots built and sent to every viewer")
                .register(registry);
        this.pushTime = Timer.builder(PUSH_TIME)
                .description("Time to build one wallboard snapshot and hand it to every viewer")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
        this.dropped = Counter.builder(DROPPED)
                .description("Wallboard viewers disconnected because they did not keep up")
                .register(registry);
        for (String q : new String[] {"agents", "clocks", "followups", "sms"}) query(q, 0);
    }

    public void viewers(IntSupplier open) {
        Gauge.builder(VIEWERS, open::getAsInt).description("Open wallboards").register(registry);
    }

    public void pushed(Duration took) {
        pushes.increment();
        pushTime.record(took);
    }

    public void dropped() {
        dropped.increment();
    }

    /** One store query made for the wallboard (whatever the number of viewers). */
    public void query(String what, int n) {
        Counter.builder(STORE_QUERIES)
                .description("Store queries made by the wallboard (seed and periodic refresh)")
                .tag("query", what)
                .register(registry)
                .increment(n);
    }
}
