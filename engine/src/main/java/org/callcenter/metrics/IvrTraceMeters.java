package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/** The batched IVR trace writer's meters (names {@code callcenter.ivr.trace.*}). */
public final class IvrTraceMeters {
    public static final String QUEUED = "callcenter.ivr.trace.queued";
    public static final String WRITTEN = "callcenter.ivr.trace.written";
    public static final String BATCH = "callcenter.ivr.trace.batch";
    public static final String OVERFLOW = "callcenter.ivr.trace.overflow";

    private final Counter written;
    private final Counter overflow;
    private final DistributionSummary batch;

    public IvrTraceMeters(MeterRegistry registry, IntSupplier queued) {
        Gauge.builder(QUEUED, queued::getAsInt)
                .description("Finished IVR sessions whose trace waits for the next batched write")
                .register(registry);
        this.written = Counter.builder(WRITTEN)
                .description("IVR traces written to the store")
                .register(registry);
        this.overflow = Counter.builder(OVERFLOW)
                .description("IVR traces written alone because the batch queue was full (none dropped)")
                .register(registry);
        this.batch = DistributionSummary.builder(BATCH)
                .description("IVR traces per batched insert")
                .register(registry);
    }

    public void written(int count) {
        written.increment(count);
        batch.record(count);
    }

    public void overflow() {
        overflow.increment();
    }
}
