package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callcenter.support.Agents;
import org.callcenter.support.PopClient;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Asterisk 22 queue-call transcript, played by the AMI simulator to a whole engine through
 * Asterisk-Java: both ringall agents get exactly one pop each (AgentCalled + DialBegin + the legacy
 * DialEvent are one ring), the one who answers gets the active call, the other's pop is withdrawn,
 * and the call record has the right times and outcome.
 */
class AmiQueueCallTest {
    static TestAmi ami;
    static TestEngine engine;
    static String token101;
    static String token102;

    @BeforeAll
    static void start() {
        ami = new TestAmi();
        engine = TestEngine.start(TestRedis.tempDir("mongo"), ami.env());
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
        token101 = Agents.agent(engine, "zhao101", "Local/101@queue-agents/n");
        token102 = Agents.agent(engine, "qian102", "Local/102@queue-agents/n");
    }

    @AfterAll
    static void stop() {
        engine.close();
        ami.close();
    }

    @Test
    void theTranscriptRingsBothAgentsOnceAndRecordsTheAnsweredCall() {
        String phone = "02166668888";
        engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Shanghai Precision Lubrication")
                        .put("phones", new JsonArray().add(phone))
                        .put("region", "capital"));
        try (PopClient a101 = PopClient.connect(engine.base(), token101, "");
                PopClient a102 = PopClient.connect(engine.base(), token102, "")) {
            List<Map<String, String>> events = TestAmi.transcriptEvents("ami-queue-call.txt").stream()
                    .filter(e -> !e.get("Event").startsWith("CoreShow")
                                    && !e.get("Event").startsWith("Queue")
                            || e.get("Event").startsWith("QueueCaller"))
                    .toList();
            events.forEach(ami.server::emit);
            String callId = "1795566879.10";

            JsonObject pop = a101.await("ringing", m -> callId.equals(m.getString("callId")), Duration.ofSeconds(10));
            assertThat(pop.getJsonObject("caller").getString("number")).isEqualTo("+862166668888");
            assertThat(pop.getBoolean("newCaller")).isFalse();
            assertThat(pop.getJsonObject("history").getJsonObject("customer").getString("name"))
                    .isEqualTo("Shanghai Precision Lubrication");
            assertThat(pop.getString("queue")).isEqualTo("support");
            a102.await("ringing", m -> callId.equals(m.getString("callId")), Duration.ofSeconds(10));
            a101.await("ring_cancelled", m -> callId.equals(m.getString("callId")), Duration.ofSeconds(10));
            JsonObject ended = a102.await("ended", m -> callId.equals(m.getString("callId")), Duration.ofSeconds(10));
            assertThat(a102.first("answered")).isNotNull();
            assertThat(a101.all("ringing")).hasSize(1);
            assertThat(a102.all("ringing")).hasSize(1);
            assertThat(a101.first("answered"))
                    .as("agent 101 never hears of 102's call")
                    .isNull();

            JsonObject call = ended.getJsonObject("call");
            assertThat(call.getString("outcome")).isEqualTo("answered");
            assertThat(call.getString("agent")).isEqualTo("qian102");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                TestEngine.Response r = engine.get("/api/v1/calls/" + callId);
                assertThat(r.status()).isEqualTo(200);
                JsonObject stored = r.json();
                assertThat(stored.getString("status")).isEqualTo("ended");
                assertThat(stored.getString("outcome")).isEqualTo("answered");
                assertThat(stored.getString("callerNumber")).isEqualTo("+862166668888");
                assertThat(stored.getString("dialled")).isEqualTo("5000");
                assertThat(stored.getString("queue")).isEqualTo("support");
                assertThat(stored.getString("agent")).isEqualTo("qian102");
                assertThat(stored.getLong("waitSeconds")).isEqualTo(2L);
                assertThat(stored.getLong("talkSeconds")).isEqualTo(10L);
            });
            TestEngine.Response recent = engine.send("GET", "/api/v1/calls/recent", null, token102);
            assertThat(recent.array().getJsonObject(0).getString("id")).isEqualTo(callId);
        }
    }

    @Test
    void theIvrTranscriptIsRecordedAsACallThatEndedInTheIvr() {
        TestAmi.transcriptEvents("ami-ivr-call.txt").forEach(ami.server::emit);
        String callId = "1795566844.8";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TestEngine.Response r = engine.get("/api/v1/calls/" + callId);
            assertThat(r.status()).isEqualTo(200);
            JsonObject stored = r.json();
            assertThat(stored.getString("outcome")).isEqualTo("ivr");
            assertThat(stored.getString("callerNumber")).isEqualTo("+8613800138000");
            assertThat(stored.getString("callerName")).isEqualTo("Li Wei");
            assertThat(stored.getString("dialled")).isEqualTo("4000");
            assertThat(stored.getString("queue")).isNull();
        });
    }
}
