package org.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.support.Agents;
import org.callcenter.support.Caller;
import org.callcenter.support.FakeAsterisk;
import org.callcenter.support.MutableClock;
import org.callcenter.support.PopClient;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.Test;

/**
 * A caller goes through the IVR (FastAGI) and then rings an agent (AMI): the pop and the call
 * record show the IVR path, joined on the channel's Linkedid.
 */
class IvrPathPopTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Tuesday 10:00 in Shanghai: option 1 reaches the queue whatever time the suite runs. */
    static final MutableClock WORKING_HOURS = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    @Test
    void theAgentSeesWhatTheCallerChoseInTheIvr() {
        try (TestAmi ami = new TestAmi();
                TestEngine engine = TestEngine.start(TestRedis.tempDir("ivr-pop"), ami.env(), WORKING_HOURS)) {
            await().atMost(WAIT).until(() -> ami.server.sessions() == 1);
            String token = Agents.agent(engine, "agent-ivr", "Local/101@queue-agents/n");
            CallScript call = new CallScript(
                    new CallScript.Ids(System.nanoTime() / 1000),
                    "support",
                    "13522223333",
                    "Caller",
                    List.<String[]>of(org.callcenter.telephony.Telephony.DEMO_MEMBERS.get(0)));

            Map<String, String> env =
                    FakeAsterisk.env("hotline", Map.of("agi_uniqueid", call.linkedId(), "agi_callerid", "13522223333"));
            Map<String, String> vars = new HashMap<>();
            vars.put("CHANNEL(linkedid)", call.linkedId());
            Caller caller = new Caller(FakeAsterisk.call(engine.engine().agiPort(), env), vars).press("1");
            caller.run();
            assertThat(caller.variables()).containsKey("CC_QUEUE");

            try (PopClient agent = PopClient.connect(engine.base(), token, "")) {
                call.ring(Instant.now()).forEach(ami.server::emit);
                JsonObject pop = agent.await("ringing", m -> call.linkedId().equals(m.getString("callId")), WAIT);
                assertThat(pop.encode())
                        .contains("\"ivrPath\":[\"welcome\",\"identify\",\"menu:1\",\"new_problem\",\"support\"]");
            }
        }
    }
}
