package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** The meters of the quality domain, declared once (names {@code callcenter.quality.*}). */
public final class QualityMeters {
    public static final String COMPLAINTS = "callcenter.quality.complaints";
    public static final String LADDER_STEPS = "callcenter.quality.ladder.steps";
    public static final String KEY_WARNINGS = "callcenter.quality.key.warnings";
    public static final String REPORT_TIME = "callcenter.quality.report.time";

    private final MeterRegistry registry;

    public QualityMeters(MeterRegistry registry) {
        this.registry = registry;
        Timer.builder(REPORT_TIME).tag("report", "monthly").register(registry);
    }

    public void complaint(String source) {
        Counter.builder(COMPLAINTS)
                .description("Complaints registered, by source")
                .tag("source", source.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void ladderStep(String step) {
        Counter.builder(LADDER_STEPS)
                .description("Ladder steps decided, by step")
                .tag("step", step)
                .register(registry)
                .increment();
    }

    public void keyWarning(String route) {
        Counter.builder(KEY_WARNINGS)
                .description("Recurring-problem key warnings raised, by route")
                .tag("route", route)
                .register(registry)
                .increment();
    }

    public void report(String report, Duration took) {
        Timer.builder(REPORT_TIME)
                .description("Time to generate a report")
                .tag("report", report)
                .register(registry)
                .record(took);
    }
}
