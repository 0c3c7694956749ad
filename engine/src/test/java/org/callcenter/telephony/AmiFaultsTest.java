package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.callcenter.support.Agents;
import org.callcenter.support.PopClient;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the AMI edge promises to survive: a dropped connection (reconnect, then resync so no call
 * stays ringing and none is lost), an Asterisk restart, a socket that silently dies, and garbage.
 */
class AmiFaultsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static TestAmi ami;
    static TestEngine engine;
    static String token101;
    static String token102;

    @BeforeAll
    static void start() {
        ami = new TestAmi();
        engine = TestEngine.start(TestRedis.tempDir("mongo"), ami.env());
        await().atMost(WAIT).until(() -> ami.server.sessions() == 1);
        token101 = Agents.agent(engine, "sun101", "Local/101@queue-agents/n");
        token102 = Agents.agent(engine, "zhou102", "Local/102@queue-agents/n");
    }

    @AfterAll
    static void stop() {
        engine.close();
        ami.close();
    }

    static JsonObject call(String id) {
        TestEngine.Response r = engine.get("/api/v1/calls/" + id);
        return r.status() == 200 ? r.json() : new JsonObject();
    }

    static void awaitConnected(int loginsBefore) {
        await().atMost(WAIT).until(() -> ami.server.logins() > loginsBefore && ami.server.sessions() == 1);
        await().atMost(WAIT)
                .until(() -> engine.get("/health")
                        .json()
                        .getJsonObject("dependencies")
                        .getJsonObject("asterisk-ami")
                        .getString("status")
                        .equals("up"));
    }

    @Test
    void reconnectWithResyncClosesCallsThatEndedAndAdoptsAnswersWhileDisconnected() {
        try (PopClient a101 = PopClient.connect(engine.base(), token101, "");
                PopClient a102 = PopClient.connect(engine.base(), token102, "")) {
            CallScript answeredWhileAway = ami.pbx.script("13800138000", "Li Wei");
            CallScript abandonedWhileAway = ami.pbx.script("13912345678", "Wang Fang");
            ami.pbx.emit(answeredWhileAway.ring(Instant.now()));
            ami.pbx.emit(abandonedWhileAway.ring(Instant.now()));
            a101.await("ringing", m -> m.getString("callId").equals(abandonedWhileAway.linkedId()), WAIT);
            a102.await("ringing", m -> m.getString("callId").equals(answeredWhileAway.linkedId()), WAIT);

            int logins = ami.server.logins();
            ami.server.refuseLogins(true);
            ami.server.dropConnections();
            await().atMost(WAIT).until(() -> ami.server.sessions() == 0);
            // what happens while the engine cannot hear: these events reach nobody
            ami.pbx.emit(answeredWhileAway.answer(Instant.now(), 0));
            ami.pbx.emit(abandonedWhileAway.abandon(Instant.now()));
            ami.server.refuseLogins(false);
            awaitConnected(logins);

            a101.await("answered", m -> m.getString("callId").equals(answeredWhileAway.linkedId()), WAIT);
            a102.await("ring_cancelled", m -> m.getString("callId").equals(answeredWhileAway.linkedId()), WAIT);
            a101.await("ring_cancelled", m -> m.getString("callId").equals(abandonedWhileAway.linkedId()), WAIT);
            await().atMost(WAIT)
                    .until(() ->
                            "ended".equals(call(abandonedWhileAway.linkedId()).getString("status")));
            assertThat(call(abandonedWhileAway.linkedId()).getString("endCause"))
                    .isEqualTo("ended while AMI was disconnected");
            assertThat(call(answeredWhileAway.linkedId()).getString("status")).isEqualTo("active");
            assertThat(call(answeredWhileAway.linkedId()).getString("agent")).isEqualTo("sun101");

            // the adopted call goes on normally
            ami.pbx.emit(answeredWhileAway.hangup(Instant.now(), 0));
            await().atMost(WAIT)
                    .until(() ->
                            "answered".equals(call(answeredWhileAway.linkedId()).getString("outcome")));
            JsonObject callbacks =
                    new JsonObject().put("list", engine.get("/api/v1/callbacks").array());
            assertThat(callbacks.encode()).contains(abandonedWhileAway.linkedId());
        }
    }

    @Test
    void asteriskRestartClosesEveryCallItHad() {
        CallScript call = ami.pbx.script("02166668888", "Zhang Min");
        ami.pbx.emit(call.ring(Instant.now()));
        ami.pbx.emit(call.answer(Instant.now(), 1));
        await().atMost(WAIT).until(() -> "active".equals(call(call.linkedId()).getString("status")));
        int logins = ami.server.logins();
        ami.server.restart();
        awaitConnected(logins);
        await().atMost(WAIT).until(() -> "ended".equals(call(call.linkedId()).getString("status")));
        JsonObject record = call(call.linkedId());
        assertThat(record.getString("endCause")).isEqualTo("asterisk restarted");
        assertThat(record.getString("outcome")).isEqualTo("answered");
        assertThat(engine.get("/metrics").body()).contains("callcenter_ami_resyncs_total{result=\"restarted\"}");
    }

    @Test
    void aSilentlyDeadSocketIsNoticedWithinSecondsAndReplaced() {
        int logins = ami.server.logins();
        long started = System.nanoTime();
        ami.server.freeze();
        awaitConnected(logins);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(engine.get("/metrics").body()).contains("callcenter_ami_errors_total{kind=\"keepalive\"}");
    }

    @Test
    void garbageUnknownEventsAndMissingFieldsAreCountedAndTheConnectionStays() {
        int logins = ami.server.logins();
        ami.server.emitRaw("this is not AMI at all\r\n\r\n");
        ami.server.emitRaw("Event: FrobnicateWidget\r\nWidget: 7\r\n\r\n");
        ami.server.emitRaw("Event: AgentCalled\r\nQueue: support\r\n\r\n");
        ami.server.emitRaw("Event: Hangup\r\nUniqueid: 999.1\r\nLinkedid: 999.0\r\nCause: 16\r\n\r\n");
        ami.server.emitRaw("Event: Newchannel\r\nChannel: PJSIP/9-0001\r\nChannelState: notanumber\r\n\r\n");
        ami.server.emitRaw(
                "Event: AgentConnect\r\nLinkedid: nosuchcall.1\r\nInterface: Local/101@queue-agents/n\r\n\r\n");
        CallScript call = ami.pbx.script("13800138000", "Li Wei");
        ami.pbx.emit(call.ring(Instant.now()));
        ami.pbx.emit(call.abandon(Instant.now()));
        await().atMost(WAIT)
                .until(() -> "abandoned".equals(call(call.linkedId()).getString("outcome")));
        assertThat(ami.server.logins()).as("no reconnect was needed").isEqualTo(logins);
        String metrics = engine.get("/metrics").body();
        assertThat(metrics).contains("callcenter_ami_events_total{kind=\"invalid\"}");
        assertThat(metrics).contains("callcenter_ami_events_total{kind=\"orphan\"}");
    }

    @Test
    void anEventCutOffByADroppedConnectionIsLostQuietlyAndTheNextCallWorks() {
        int logins = ami.server.logins();
        ami.server.emitRaw("Event: AgentCalled\r\nLinkedid: 77.0\r\nQueue: support\r\nInterface: Local/101@queue-ag");
        ami.server.dropConnections();
        awaitConnected(logins);
        CallScript call = ami.pbx.script("13800138000", "Li Wei");
        ami.pbx.emit(call.ring(Instant.now()));
        ami.pbx.emit(call.abandon(Instant.now()));
        await().atMost(WAIT)
                .until(() -> "abandoned".equals(call(call.linkedId()).getString("outcome")));
        assertThat(engine.get("/api/v1/calls/77.0").status()).isEqualTo(404);
    }
}
