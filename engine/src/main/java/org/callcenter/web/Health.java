package org.callcenter.web;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.callcenter.store.Blocking;

/**
 * The engine's health: each dependency up or down (checked live, in parallel), version, uptime.
 * A required store being down makes the engine unhealthy (503).
 */
public final class Health {
    /** One dependency: how to ping it, whether the engine can work without it, and how it is provided. */
    public record Dependency(String name, boolean required, String mode, BooleanSupplier ping) {}

    public record Report(boolean healthy, Map<String, Object> body) {}

    private final Map<String, Dependency> dependencies = new LinkedHashMap<>();
    private final Map<String, Boolean> lastUp = new java.util.concurrent.ConcurrentHashMap<>();
    private final Blocking blocking;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    public Health(Blocking blocking, Clock clock, String version) {
        this.blocking = blocking;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.version = version;
    }

    public void add(Dependency dependency) {
        dependencies.put(dependency.name(), dependency);
    }

    /** Last known state (for the store-up gauge); true until the first check says otherwise. */
    public boolean lastUp(String name) {
        return lastUp.getOrDefault(name, true);
    }

    public Future<Report> check() {
        Map<String, Future<Map<String, Object>>> checks = new LinkedHashMap<>();
        for (Dependency d : dependencies.values()) checks.put(d.name(), blocking.run(() -> probe(d)));
        return Future.join(checks.values().stream().toList()).transform(ignored -> {
            Map<String, Object> deps = new LinkedHashMap<>();
            boolean healthy = true;
            for (var e : checks.entrySet()) {
                Map<String, Object> result = e.getValue().succeeded()
                        ? e.getValue().result()
                        : Map.of(
                                "status",
                                "down",
                                "error",
                                String.valueOf(e.getValue().cause()));
                deps.put(e.getKey(), result);
                if (!"up".equals(result.get("status"))
                        && dependencies.get(e.getKey()).required()) healthy = false;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", healthy ? "up" : "down");
            body.put("version", version);
            body.put("startedAt", startedAt.toString());
            body.put(
                    "uptimeSeconds",
                    Duration.between(startedAt, clock.instant()).toSeconds());
            body.put("dependencies", deps);
            return Future.succeededFuture(new Report(healthy, body));
        });
    }

    private Map<String, Object> probe(Dependency d) {
        long started = System.nanoTime();
        boolean up = d.ping().getAsBoolean();
        lastUp.put(d.name(), up);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", up ? "up" : "down");
        result.put("required", d.required());
        result.put("mode", d.mode());
        result.put("latencyMs", Math.round((System.nanoTime() - started) / 1e5) / 10.0);
        return result;
    }
}
