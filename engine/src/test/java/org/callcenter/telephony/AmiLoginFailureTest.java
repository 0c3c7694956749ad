package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** A wrong AMI secret (or no Asterisk at all) never stops the engine: it shows in /health and the metrics. */
class AmiLoginFailureTest {
    @Test
    void aRefusedLoginLeavesTheEngineServingAndShowsInHealth() {
        try (TestAmi ami = new TestAmi()) {
            Map<String, String> env = new HashMap<>(ami.env());
            env.put("AMI_SECRET", "wrong-secret");
            try (TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), env)) {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> engine.get("/metrics")
                                .body()
                                .contains("callcenter_ami_login_failures_total{reason=\"refused\"}"));
                TestEngine.Response health = engine.get("/health");
                assertThat(health.status()).isEqualTo(200);
                JsonObject ami1 = health.json().getJsonObject("dependencies").getJsonObject("asterisk-ami");
                assertThat(ami1.getString("status")).isEqualTo("down");
                assertThat(ami1.getBoolean("required")).isFalse();
                assertThat(engine.get("/api/v1/agents").status()).isEqualTo(200);
                assertThat(ami.server.sessions()).isZero();
            }
        }
    }

    @Test
    void noAsteriskAtAllStillStarts() {
        Map<String, String> env = Map.of("AMI_HOST", "127.0.0.1", "AMI_PORT", "1", "AMI_SECRET", "x");
        try (TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), env)) {
            assertThat(engine.get("/health").status()).isEqualTo(200);
            assertThat(engine.get("/health")
                            .json()
                            .getJsonObject("dependencies")
                            .getJsonObject("asterisk-ami")
                            .getString("status"))
                    .isEqualTo("down");
        }
    }
}
