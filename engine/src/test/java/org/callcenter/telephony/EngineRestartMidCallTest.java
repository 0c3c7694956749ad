package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callcenter.support.Agents;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * The engine is down while a call is answered (killed mid-call, or deploying): when it starts, the
 * resync adopts the live call with its agent from CoreShowChannels, and the rest of the call is
 * recorded as usual. Uses the real queue-call transcript.
 */
class EngineRestartMidCallTest {
    @Test
    void aCallAnsweredWhileTheEngineWasDownIsAdoptedAndRecorded() {
        Path data = TestRedis.tempDir("mongo");
        try (TestAmi ami = new TestAmi()) {
            try (TestEngine first = TestEngine.start(data, ami.env())) {
                Agents.agent(first, "li101", "Local/101@queue-agents/n");
                Agents.agent(first, "wu102", "Local/102@queue-agents/n");
            }
            List<Map<String, String>> events = TestAmi.transcriptEvents("ami-queue-call.txt").stream()
                    .filter(e -> !e.get("Event").startsWith("CoreShow")
                            && (!e.get("Event").startsWith("Queue")
                                    || e.get("Event").startsWith("QueueCaller")))
                    .toList();
            int talkEnds = indexOf(events, "AgentComplete") - 1; // the agent's Hangup just before it
            events.subList(0, talkEnds).forEach(ami.server::emit); // nobody listening: the engine is down
            assertThat(ami.server.liveChannels()).isEqualTo(4);

            try (TestEngine second = TestEngine.start(data, ami.env())) {
                String callId = "1795566879.10";
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> "active".equals(call(second, callId).getString("status")));
                assertThat(call(second, callId).getString("agent")).isEqualTo("wu102");
                assertThat(call(second, callId).getString("queue")).isEqualTo("support");
                events.subList(talkEnds, events.size()).forEach(ami.server::emit);
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> "ended".equals(call(second, callId).getString("status")));
                JsonObject record = call(second, callId);
                assertThat(record.getString("outcome")).isEqualTo("answered");
                assertThat(record.getString("callerNumber")).isEqualTo("+862166668888");
            }
        }
    }

    static int indexOf(List<Map<String, String>> events, String name) {
        for (int i = 0; i < events.size(); i++) if (name.equals(events.get(i).get("Event"))) return i;
        throw new AssertionError("no " + name);
    }

    static JsonObject call(TestEngine engine, String id) {
        TestEngine.Response r = engine.get("/api/v1/calls/" + id);
        return r.status() == 200 ? r.json() : new JsonObject();
    }
}
