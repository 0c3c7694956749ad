package org.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.callcenter.support.Agents;
import org.callcenter.support.PopClient;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who hears what on /ws/agent: each agent only their own pops, supervisors all, strangers nothing. */
class ScreenPopSocketTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static TestAmi ami;
    static TestEngine engine;
    static String tokenA;
    static String tokenB;

    @BeforeAll
    static void start() {
        ami = new TestAmi();
        engine = TestEngine.start(TestRedis.tempDir("mongo"), ami.env());
        await().atMost(WAIT).until(() -> ami.server.sessions() == 1);
        tokenA = Agents.agent(engine, "agent-a", "Local/101@queue-agents/n");
        tokenB = Agents.agent(engine, "agent-b", "Local/102@queue-agents/n");
    }

    @AfterAll
    static void stop() {
        engine.close();
        ami.close();
    }

    /** Rings only member {@code index} of the simulated queue: a script with that one member. */
    static CallScript ringOnly(int index, String number) {
        CallScript script = new CallScript(
                new CallScript.Ids(System.nanoTime() / 1000 + index),
                "support",
                number,
                "Caller " + index,
                java.util.List.<String[]>of(org.callcenter.telephony.Telephony.DEMO_MEMBERS.get(index)));
        script.ring(Instant.now()).forEach(ami.server::emit);
        return script;
    }

    @Test
    void agentANeverReceivesAgentBsPop() {
        try (PopClient a = PopClient.connect(engine.base(), tokenA, "");
                PopClient b = PopClient.connect(engine.base(), tokenB, "");
                PopClient supervisor = PopClient.connect(engine.base(), engine.adminToken(), "?watch=all")) {
            CallScript forB = ringOnly(1, "13700001111");
            b.await("ringing", m -> m.getString("callId").equals(forB.linkedId()), WAIT);
            supervisor.await("ringing", m -> m.getString("callId").equals(forB.linkedId()), WAIT);
            CallScript forA = ringOnly(0, "13700002222");
            a.await("ringing", m -> m.getString("callId").equals(forA.linkedId()), WAIT);
            supervisor.await("ringing", m -> m.getString("callId").equals(forA.linkedId()), WAIT);
            forB.abandon(Instant.now()).forEach(ami.server::emit);
            b.await("ring_cancelled", m -> m.getString("callId").equals(forB.linkedId()), WAIT);

            assertThat(a.messages).noneMatch(m -> forB.linkedId().equals(m.getString("callId")));
            assertThat(b.messages).noneMatch(m -> forA.linkedId().equals(m.getString("callId")));
            JsonObject pop = a.first("ringing");
            assertThat(pop.getBoolean("newCaller")).isTrue();
            assertThat(pop.getJsonObject("caller").getString("number")).isEqualTo("+8613700002222");
        }
    }

    @Test
    void anAgentCannotWatchEveryonesPops() {
        try (PopClient a = PopClient.connect(engine.base(), tokenA, "?watch=all");
                PopClient supervisor = PopClient.connect(engine.base(), engine.adminToken(), "?watch=all")) {
            assertThat(a.first("hello").getString("watching")).isEqualTo("mine");
            CallScript forB = ringOnly(1, "13700003333");
            supervisor.await("ringing", m -> m.getString("callId").equals(forB.linkedId()), WAIT);
            CallScript forA = ringOnly(0, "13700005555");
            a.await("ringing", m -> m.getString("callId").equals(forA.linkedId()), WAIT);
            assertThat(a.messages).noneMatch(m -> forB.linkedId().equals(m.getString("callId")));
        }
    }

    @Test
    void unauthenticatedWebSocketIsRefused() {
        for (String cookie : new String[] {null, "cc_session=not-a-valid-token-at-all-123456"}) {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (cookie != null) builder.header("Cookie", cookie);
            Throwable error = catchError(builder, engine.base() + "/ws/agent");
            assertThat(error).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) error).getResponse().statusCode())
                    .isEqualTo(401);
        }
        assertThat(engine.get("/metrics").body())
                .contains("callcenter_screenpop_websockets_refused_total{reason=\"unauthenticated\"}");
    }

    @Test
    void aWebSocketOpenedFromAnotherSitesPageIsRefused() {
        WebSocket.Builder builder = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "cc_session=" + tokenA)
                .header("Origin", "https://evil.example");
        Throwable error = catchError(builder, engine.base() + "/ws/agent");
        assertThat(((WebSocketHandshakeException) error).getResponse().statusCode())
                .isEqualTo(403);
    }

    @Test
    void presenceFollowsTheConsoleAndTheCall() {
        try (PopClient a = PopClient.connect(engine.base(), tokenA, "")) {
            await().atMost(WAIT).until(() -> "available".equals(presence(tokenA)));
            CallScript call = ringOnly(0, "13700004444");
            call.answer(Instant.now(), 0).forEach(ami.server::emit);
            await().atMost(WAIT).until(() -> "on_call".equals(presence(tokenA)));
            call.hangup(Instant.now(), 0).forEach(ami.server::emit);
            await().atMost(WAIT).until(() -> "wrap_up".equals(presence(tokenA)));
            TestEngine.Response ticket = engine.send(
                    "POST",
                    "/api/v1/tickets",
                    new JsonObject()
                            .put("phone", "13700004444")
                            .put("category", "leak")
                            .put("description", "oil leak")
                            .encode(),
                    tokenA);
            assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
            String number = ticket.json().getString("number");
            TestEngine.Response wrap = engine.send(
                    "POST",
                    "/api/v1/calls/" + call.linkedId() + "/wrapup",
                    new JsonObject()
                            .put("ticketNumber", number)
                            .put("note", "customer will send photos")
                            .encode(),
                    tokenA);
            assertThat(wrap.status()).as(wrap.body()).isEqualTo(200);
            assertThat(wrap.json().getString("ticketNumber")).isEqualTo(number);
            assertThat(presence(tokenA)).isEqualTo("available");
            assertThat(engine.get("/api/v1/tickets/" + number).body()).contains("phone call " + call.linkedId());
            TestEngine.Response notMine = engine.send(
                    "POST",
                    "/api/v1/calls/" + call.linkedId() + "/wrapup",
                    new JsonObject().put("ticketNumber", number).encode(),
                    tokenB);
            assertThat(notMine.status()).isEqualTo(403);
        }
    }

    static String presence(String token) {
        return engine.send("GET", "/api/v1/agents/me", null, token)
                .json()
                .getJsonObject("presence")
                .getString("state");
    }

    static Throwable catchError(WebSocket.Builder builder, String url) {
        try {
            builder.buildAsync(URI.create(url.replace("http://", "ws://")), new WebSocket.Listener() {})
                    .join();
            throw new AssertionError("the WebSocket was accepted");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
