package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** The meters of product returns, declared once (names {@code callcenter.returns.*}). */
public final class ReturnMeters {
    public static final String RECORDED = "callcenter.returns.recorded";

    private final MeterRegistry registry;

    public ReturnMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A return form was recorded; {@code condition} is the state of the goods. */
    public void recorded(String condition) {
        Counter.builder(RECORDED)
                .description("Product returns recorded, by state of the goods")
                .tag("condition", condition.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
