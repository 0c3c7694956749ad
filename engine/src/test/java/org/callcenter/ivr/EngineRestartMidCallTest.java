package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.callcenter.support.Caller;
import org.callcenter.support.FakeAsterisk;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * The engine stops while a caller is inside the IVR: Asterisk sees the socket close (AGISTATUS
 * FAILURE, so the dialplan sends the caller to the support queue) and the next engine serves calls.
 */
class EngineRestartMidCallTest {
    @Test
    void aStoppedEngineClosesItsSessionsAndTheNextOneServesCalls() {
        Path data = TestRedis.tempDir("ivr-restart");
        Map<String, String> env = FakeAsterisk.env("hotline", Map.of("agi_uniqueid", "restart.1"));
        TestEngine first = TestEngine.start(data, Map.of());
        try (FakeAsterisk asterisk = FakeAsterisk.call(first.engine().agiPort(), env)) {
            asterisk.expect("GET VARIABLE");
            asterisk.send("200 result=1 (restart.0)");
            asterisk.expect("STREAM FILE cc-welcome");
            first.close(); // while the caller listens to the welcome prompt
            assertThat(asterisk.closedByServer()).isTrue();
        }
        try (TestEngine second = TestEngine.start(data, Map.of())) {
            Map<String, String> again = FakeAsterisk.env("hotline", Map.of("agi_uniqueid", "restart.2"));
            Caller c = new Caller(FakeAsterisk.call(second.engine().agiPort(), again), new HashMap<>()).press("0");
            c.run();
            assertThat(c.variables()).containsEntry("CC_QUEUE", "operator");
        }
    }
}
