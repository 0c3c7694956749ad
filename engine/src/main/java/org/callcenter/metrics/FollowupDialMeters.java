package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Progressive dialling and durable follow-up timers (names {@code callcenter.followup.*}). */
public final class FollowupDialMeters {
    public static final String DIALS = "callcenter.followup.dials";
    public static final String TIMERS_FIRED = "callcenter.followup.timers.fired";
    public static final String TIMERS_PENDING = "callcenter.followup.timers.pending";

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public FollowupDialMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(TIMERS_PENDING, pending, AtomicLong::get)
                .description("Follow-up timers (dial, release) indexed on the timer engine")
                .register(registry);
    }

    /** One progressive dial decision: connected, no_answer, dial_failed, invalid_number, no_agent. */
    public void dial(String result) {
        Counter.builder(DIALS)
                .description("Progressive dial decisions by result")
                .tag("result", result.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void fired(String kind, int count) {
        if (count == 0) return;
        Counter.builder(TIMERS_FIRED)
                .description("Follow-up timers that acted (dialled, released)")
                .tag("kind", kind.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment(count);
    }

    public void pending(long timers) {
        pending.set(timers);
    }
}
