package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Every meter of the engine, declared once. Names follow {@code callcenter.<domain>.<measure>};
 * Prometheus shows them as {@code callcenter_<domain>_<measure>_...}. Dashboards use only these.
 */
public final class Meters {
    public static final String TICKETS_CREATED = "callcenter.tickets.created";
    public static final String TICKETS_UPDATED = "callcenter.tickets.updated";
    public static final String TICKETS_CONFLICTS = "callcenter.tickets.conflicts";
    public static final String CUSTOMERS_CREATED = "callcenter.customers.created";
    public static final String HISTORY_LOOKUPS = "callcenter.history.lookups";
    public static final String HISTORY_LOOKUP_DURATION = "callcenter.history.lookup.duration";
    public static final String HISTORY_CACHE_ERRORS = "callcenter.history.cache.errors";
    public static final String STORE_UP = "callcenter.store.up";
    public static final String HTTP_REJECTED = "callcenter.http.rejected";
    public static final String AUTH_LOGINS = "callcenter.auth.logins";

    private final MeterRegistry registry;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void ticketCreated(String channel, String severity) {
        Counter.builder(TICKETS_CREATED)
                .description("Service requests registered")
                .tag("channel", channel)
                .tag("severity", severity)
                .register(registry)
                .increment();
    }

    /** kind: update, note or feedback. */
    public void ticketUpdated(String kind) {
        Counter.builder(TICKETS_UPDATED)
                .description("Changes to service requests")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    public void ticketConflict() {
        Counter.builder(TICKETS_CONFLICTS)
                .description("Updates refused because someone else changed the request first (409)")
                .register(registry)
                .increment();
    }

    public void customerCreated() {
        Counter.builder(CUSTOMERS_CREATED)
                .description("Customers created")
                .register(registry)
                .increment();
    }

    /** source: cache or store; outcome: known or unknown caller. */
    public void historyLookup(String source, String outcome, Duration took) {
        Counter.builder(HISTORY_LOOKUPS)
                .description("Caller-history lookups")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder(HISTORY_LOOKUP_DURATION)
                .description("Time to assemble a caller history")
                .tag("source", source)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(took);
    }

    /** op: read, write or invalidate. */
    public void historyCacheError(String op) {
        Counter.builder(HISTORY_CACHE_ERRORS)
                .description("Caller-history cache operations that failed (Redis unreachable)")
                .tag("op", op)
                .register(registry)
                .increment();
    }

    public void storeUp(String store, BooleanSupplier up) {
        Gauge.builder(STORE_UP, () -> up.getAsBoolean() ? 1 : 0)
                .description("1 when the store answered its last health check")
                .tag("store", store)
                .register(registry);
    }

    /** reason: invalid_json, invalid_input, too_large, unauthorized, forbidden, not_found, unavailable. */
    public void httpRejected(String reason) {
        Counter.builder(HTTP_REJECTED)
                .description("API requests refused")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** outcome: success or failure. */
    public void login(String outcome) {
        Counter.builder(AUTH_LOGINS)
                .description("Login attempts")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
