package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of on-site dispatch, declared once (names {@code callcenter.dispatch.*}). */
public final class DispatchMeters {
    public static final String STEPS = "callcenter.dispatch.steps";
    public static final String ARRIVALS = "callcenter.dispatch.arrivals";
    public static final String REFUSED = "callcenter.dispatch.refused";

    private final MeterRegistry registry;

    public DispatchMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A visit step recorded: dispatched, appointment, arrived, departed, consent, rated, report. */
    public void step(String step) {
        Counter.builder(STEPS)
                .description("On-site visit steps recorded")
                .tag("step", step)
                .register(registry)
                .increment();
    }

    /** An arrival by punctuality against the appointment window: on_time, late, no_appointment. */
    public void arrival(Boolean punctual) {
        Counter.builder(ARRIVALS)
                .description("Technician arrivals by punctuality")
                .tag("punctuality", punctual == null ? "no_appointment" : punctual ? "on_time" : "late")
                .register(registry)
                .increment();
    }

    /**
     * An SMS command refused with nothing changed: unregistered, not_assigned, invalid_ticket,
     * unknown_ticket, malformed, repeated; customers' COMPLAINT texts: unknown_sender,
     * no_request, unavailable.
     */
    public void refused(String reason) {
        Counter.builder(REFUSED)
                .description("Technicians' SMS commands refused (nothing changed)")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
