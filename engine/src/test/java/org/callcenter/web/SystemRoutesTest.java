package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.Test;

class SystemRoutesTest extends EngineTest {

    @Test
    void healthReportsEachDependencyVersionAndUptime() {
        Response r = engine.send("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject h = r.json();
        assertThat(h.getString("status")).isEqualTo("up");
        assertThat(h.getString("version")).isNotBlank();
        assertThat(h.getLong("uptimeSeconds")).isGreaterThanOrEqualTo(0);
        JsonObject deps = h.getJsonObject("dependencies");
        assertThat(deps.getJsonObject("mongodb").getString("status")).isEqualTo("up");
        assertThat(deps.getJsonObject("redis").getString("status")).isEqualTo("up");
        assertThat(deps.getJsonObject("redis").getString("mode")).isEqualTo("external");
        assertThat(deps.getJsonObject("mongodb").getBoolean("required")).isTrue();
    }

    @Test
    void metricsArePrometheusTextWithJvmVertxAndOurOwnMeters() {
        engine.get("/api/v1/callers/13800138000/history");
        Response r = engine.send("GET", "/metrics", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body())
                .contains("jvm_memory_used_bytes")
                .contains("vertx_http_server_requests_total")
                .contains("callcenter_history_lookups_total")
                .contains("callcenter_history_lookup_duration_seconds_bucket")
                .contains("callcenter_store_up{store=\"redis\"}");
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        Response r = engine.send("GET", "/api/openapi.yaml", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("openapi: 3")
                .contains("/api/v1/tickets")
                .contains("/api/v1/callers/{phone}/history");
    }
}
