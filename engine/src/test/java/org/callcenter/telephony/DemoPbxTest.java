package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.callcenter.support.PopClient;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** DEMO_PBX=true: the engine runs the simulator, creates the demo agents, and calls start ringing them. */
class DemoPbxTest {
    @Test
    void demoModeRingsTheDemoAgentsWithoutAnAsterisk() {
        Map<String, String> env =
                Map.of("DEMO_PBX", "true", "DEMO_CALL_INTERVAL_SECONDS", "1", "AMI_KEEPALIVE_SECONDS", "1");
        try (TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), env)) {
            String token = engine.login("agent101", "demo-agent-password");
            try (PopClient console = PopClient.connect(engine.base(), token, "")) {
                JsonObject pop = console.await("ringing", m -> true, Duration.ofSeconds(20));
                assertThat(pop.getString("queue")).isEqualTo("support");
                assertThat(pop.getJsonObject("caller").getString("number")).startsWith("+86");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> console.first("ended") != null || console.first("ring_cancelled") != null);
            }
            JsonObject ami =
                    engine.get("/health").json().getJsonObject("dependencies").getJsonObject("asterisk-ami");
            assertThat(ami.getString("status")).isEqualTo("up");
            assertThat(ami.getString("mode")).startsWith("demo simulator");
        }
    }
}
