package org.callcenter.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * The Vert.x meters the dashboards read ({@code vertx.http.server.*}, registered by vertx-micrometer)
 * get latency histograms, so {@code vertx_http_server_response_time_seconds_bucket} is exported and
 * p50 / p99 can be computed across instances. Applied before the first request creates the meter.
 */
public final class VertxMeters {
    public static final String HTTP_RESPONSE_TIME = "vertx.http.server.response.time";

    private VertxMeters() {}

    public static void histograms(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_RESPONSE_TIME.equals(id.getName())) return config;
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        });
    }
}
