package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callcenter.screenpop.ScreenPopEvents;
import org.callcenter.support.Agents;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progressive dialling against the AMI simulator: a visit departure (published as dispatch does)
 * plans a return call, the engine dials the customer when the agent is available and connects the
 * agent's extension, the console pops a return call with the questions; a hang-up during connect and
 * an unanswered retry are recorded and the follow-up kept; AMI down dials nothing and loses nothing.
 */
class FollowupProgressiveTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final MutableClock clock = new MutableClock(at("2026-03-09T10:00"));
    static final Queue<JsonObject> pops = new ConcurrentLinkedQueue<>();
    static final Queue<JsonObject> changes = new ConcurrentLinkedQueue<>();
    static TestAmi ami;
    static TestEngine engine;
    static String agentToken;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeAll
    static void start() {
        ami = new TestAmi();
        Map<String, String> env = new HashMap<>(ami.env());
        env.put("AUTH_TOKEN_TTL_HOURS", "100000");
        env.put("FOLLOWUP_PROGRESSIVE_ENABLED", "true");
        env.put("FOLLOWUP_TIMERS_POLL_MILLIS", "50");
        engine = TestEngine.start(TestRedis.tempDir("followup-progressive"), env, clock);
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
        var bus = engine.engine().vertx().eventBus();
        bus.<String>consumer(ScreenPopEvents.agent("li201"), m -> pops.add(new JsonObject(m.body())));
        bus.<JsonObject>consumer(FollowupEvents.CHANGED, m -> changes.add(m.body()));
        agentToken = Agents.agent(engine, "li201", "PJSIP/201");
    }

    @AfterAll
    static void stop() {
        engine.close();
        ami.close();
    }

    static String customer(String name, String phone) {
        Response c = engine.post(
                "/api/v1/customers", new JsonObject().put("name", name).put("phones", new JsonArray().add(phone)));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().getString("id");
    }

    static void presence(String state) {
        Response r = engine.send(
                "PUT",
                "/api/v1/agents/me/presence",
                new JsonObject().put("state", state).encode(),
                agentToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String presence() {
        return engine.send("GET", "/api/v1/agents/me", null, agentToken)
                .json()
                .getJsonObject("presence")
                .getString("state");
    }

    static long originatedTo(String channel) {
        return ami.server.originated.stream()
                .filter(a -> channel.equals(a.get("channel")))
                .count();
    }

    static void departed(String visit, String customer, Instant at) {
        engine.engine()
                .vertx()
                .eventBus()
                .publish(
                        FollowupEvents.VISIT_DEPARTED,
                        new JsonObject()
                                .put("visitId", visit)
                                .put("ticketId", "t-" + visit)
                                .put("ticketNumber", "S-" + visit)
                                .put("customerId", customer)
                                .put("technicianId", "tech-9")
                                .put("departedAt", at.toString())
                                .put("consent", "given"));
    }

    static String amiStatus() {
        return new JsonObject(engine.get("/health").body())
                .getJsonObject("dependencies")
                .getJsonObject("asterisk-ami")
                .getString("status");
    }

    static JsonObject followUp(String id) {
        return engine.get("/api/v1/followups/" + id).json();
    }

    @Test
    void aDepartedVisitIsDialledProgressivelyAndPopsAsAReturnCall() {
        clock.set(at("2026-03-09T10:00"));
        presence("available");
        String c = customer("Progressive Co", "13622220001");
        String channel = "Local/+8613622220001@from-internal";
        String id = c + ":2026-Q1";
        departed("v-1", c, clock.instant().minus(Duration.ofMinutes(30)));

        await().atMost(Duration.ofSeconds(15)).until(() -> originatedTo(channel) == 1);
        Map<String, String> sent = ami.server.originated.stream()
                .filter(a -> channel.equals(a.get("channel")))
                .findFirst()
                .orElseThrow();
        assertThat(sent.get("exten")).isEqualTo("201");
        assertThat(sent.get("context")).isEqualTo("from-internal");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pops.stream().anyMatch(p -> c.equals(p.getString("customerId"))));
        JsonObject pop = pops.stream()
                .filter(p -> c.equals(p.getString("customerId")))
                .findFirst()
                .orElseThrow();
        assertThat(pop.getString("type")).isEqualTo("return_call");
        assertThat(pop.getString("customerId")).isEqualTo(c);
        assertThat(pop.getJsonArray("questions").getList()).contains("How was the technician's attitude?");
        assertThat(pop.getJsonArray("reasons").encode()).contains("after_visit", "quarterly");
        assertThat(presence()).isEqualTo("on_call");
        assertThat(followUp(id).getString("owner")).isEqualTo("li201");
        assertThat(changes)
                .anyMatch(e -> e.getString("followupId").equals(id)
                        && e.getString("status").equals("open"));

        // the customer hangs up while being connected: recorded, kept, retried after working time
        Response hung = engine.send(
                "POST",
                "/api/v1/followups/" + id + "/outcome",
                new JsonObject().put("outcome", "hung_up").encode(),
                agentToken);
        assertThat(hung.status()).as(hung.body()).isEqualTo(200);
        assertThat(hung.json().getString("status")).isEqualTo("open");
        assertThat(hung.json().getString("callAt"))
                .isEqualTo(at("2026-03-10T10:00").toString());
        assertThat(presence()).isEqualTo("available");
        assertThat(originatedTo(channel)).isEqualTo(1);

        // the retry: the customer's phone does not come up this time
        ami.server.channelUnavailable(channel);
        clock.set(at("2026-03-10T10:00"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> followUp(id).getJsonArray("attempts").size() == 2);
        JsonObject f = followUp(id);
        JsonObject second = f.getJsonArray("attempts").getJsonObject(1);
        assertThat(second.getString("outcome")).isEqualTo("no_answer");
        assertThat(second.getString("note")).contains("Originate failed");
        assertThat(f.getString("status")).isEqualTo("open");
        assertThat(f.getString("callAt")).isEqualTo(at("2026-03-11T10:00").toString());
        assertThat(originatedTo(channel)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> presence().equals("available"));

        // the third unanswered try uses up the attempts: unreachable, announced, never dialled again
        clock.set(at("2026-03-11T10:00"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> followUp(id).getString("status").equals("unreachable"));
        assertThat(originatedTo(channel)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> changes.stream()
                        .anyMatch(e -> e.getString("followupId").equals(id)
                                && e.getString("status").equals("unreachable")));
    }

    @Test
    void withAmiDownNothingIsDialledAndNothingLost() {
        clock.set(at("2026-03-12T10:00"));
        presence("available");
        String c = customer("Outage Co", "13622220002");
        String channel = "Local/+8613622220002@from-internal";
        ami.server.refuseLogins(true);
        ami.server.dropConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> amiStatus().equals("down"));
        departed("v-2", c, clock.instant());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.get("/api/v1/followups/" + c + ":2026-Q1").status() == 200);
        assertThat(originatedTo(channel)).isZero();
        ami.server.refuseLogins(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> originatedTo(channel) == 1);
        assertThat(followUp(c + ":2026-Q1").getString("owner")).isEqualTo("li201");
        List<JsonObject> mine = List.copyOf(pops);
        assertThat(mine).anyMatch(p -> c.equals(p.getString("customerId")));
        // the agent talks to the customer and records it: done, and the agent is free again
        Response reached = engine.send(
                "POST",
                "/api/v1/followups/" + c + ":2026-Q1/outcome",
                new JsonObject()
                        .put("outcome", "reached")
                        .put("answers", new JsonObject().put("How was the technician's attitude?", "friendly"))
                        .encode(),
                agentToken);
        assertThat(reached.json().getString("status")).isEqualTo("done");
        assertThat(presence()).isEqualTo("available");
    }

    @Test
    void aDueFollowUpWaitsForAFreeAgent() {
        clock.set(at("2026-03-13T10:00"));
        presence("away");
        String c = customer("Waiting Co", "13622220003");
        String channel = "Local/+8613622220003@from-internal";
        departed("v-3", c, clock.instant());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.get("/api/v1/followups/" + c + ":2026-Q1").status() == 200);
        engine.engine().followup().pollOnce();
        engine.engine().followup().pollOnce();
        assertThat(originatedTo(channel)).isZero();
        assertThat(engine.engine().followup().schedule().size(FollowupTimer.Kind.DIAL))
                .isPositive();

        presence("available");
        clock.advance(Duration.ofSeconds(31)); // followup.progressive.wait_for_agent_seconds
        await().atMost(Duration.ofSeconds(15)).until(() -> originatedTo(channel) == 1);
        assertThat(followUp(c + ":2026-Q1").getString("owner")).isEqualTo("li201");
    }
}
