package org.callcenter.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** /health, /metrics (Prometheus text) and /api/openapi.yaml; none needs a session. */
public final class SystemRoutes {
    private final Health health;
    private final PrometheusMeterRegistry registry;
    private final Buffer openApi;

    public SystemRoutes(Health health, PrometheusMeterRegistry registry) {
        this.health = health;
        this.registry = registry;
        this.openApi = Buffer.buffer(resource("/openapi.yaml"));
    }

    public void mount(Router router) {
        router.get("/health")
                .handler(ctx -> health.check()
                        .onSuccess(report -> Api.json(ctx, report.healthy() ? 200 : 503, report.body()))
                        .onFailure(ctx::fail));
        router.get("/metrics")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape()));
        router.get("/api/openapi.yaml")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/yaml; charset=utf-8")
                        .end(openApi));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
