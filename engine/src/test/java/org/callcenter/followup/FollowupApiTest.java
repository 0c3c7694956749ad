package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.callcenter.agents.Agent;
import org.callcenter.agents.AgentEvents;
import org.callcenter.agents.Presence;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The return-call API end to end: plan, list, claim, record with answers, coverage, bad input. */
class FollowupApiTest {
    static final MutableClock clock = new MutableClock(LocalDateTime.parse("2026-03-09T10:00")
            .atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant());
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(TestRedis.tempDir("followup-api"), Map.of("AUTH_TOKEN_TTL_HOURS", "100000"), clock);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void planListClaimRecordAndCoverage() {
        String phone = String.format("139%08d", ProcessHandle.current().pid() % 100_000_000);
        Response c = engine.post(
                "/api/v1/customers",
                new JsonObject().put("name", "Follow-up Test Co").put("phones", new JsonArray().add(phone)));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String customer = c.json().getString("id");
        Response i = engine.post(
                "/api/v1/customers/" + customer + "/installations",
                new JsonObject().put("product", "pump").put("installedOn", "2026-03-02"));
        assertThat(i.status()).as(i.body()).isEqualTo(201);

        Response plan = engine.post("/api/v1/followups/plan", new JsonObject());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        String id = customer + ":2026-Q1";
        JsonObject mine = engine.get("/api/v1/followups").json();
        JsonObject listed = mine.getJsonArray("shared").stream()
                .map(JsonObject.class::cast)
                .filter(f -> f.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getJsonArray("questions").getList()).contains("Are you familiar with the product?");
        assertThat(engine.post("/api/v1/followups/plan", new JsonObject())
                        .json()
                        .getInteger("changed"))
                .isZero();

        assertThat(engine.post("/api/v1/followups/" + id + "/claim", new JsonObject())
                        .json()
                        .getString("owner"))
                .isEqualTo("admin");
        Response bad = engine.post("/api/v1/followups/" + id + "/outcome", new JsonObject().put("outcome", "maybe"));
        assertThat(bad.status()).isIn(400, 422);
        Response later =
                engine.post("/api/v1/followups/" + id + "/outcome", new JsonObject().put("outcome", "call_later"));
        assertThat(later.status()).isIn(400, 422);
        Response reached = engine.post(
                "/api/v1/followups/" + id + "/outcome",
                new JsonObject()
                        .put("outcome", "reached")
                        .put("answers", new JsonObject().put("Any suggestions?", "none, thanks")));
        assertThat(reached.status()).as(reached.body()).isEqualTo(200);
        assertThat(reached.json().getString("status")).isEqualTo("done");
        assertThat(engine.get("/api/v1/followups/" + id)
                        .json()
                        .getJsonObject("answers")
                        .getString("Any suggestions?"))
                .isEqualTo("none, thanks");
        Response again =
                engine.post("/api/v1/followups/" + id + "/outcome", new JsonObject().put("outcome", "reached"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(engine.get("/api/v1/followups/nobody:2026-Q1").status()).isEqualTo(404);

        JsonObject coverage = engine.get("/api/v1/followups/coverage").json();
        assertThat(coverage.getString("quarter")).isEqualTo("2026-Q1");
        assertThat(coverage.getJsonArray("withoutQuarterlyCall").getList()).doesNotContain(customer);
        assertThat(engine.get("/metrics").body()).contains("callcenter_followup_outcomes");
    }

    @Test
    void withAsteriskDownADialIsRecordedAndNothingIsLost() {
        String phone = String.format("138%08d", ProcessHandle.current().pid() % 100_000_000);
        String customer = engine.post(
                        "/api/v1/customers",
                        new JsonObject().put("name", "No AMI Co").put("phones", new JsonArray().add(phone)))
                .json()
                .getString("id");
        engine.post("/api/v1/followups/plan", new JsonObject());
        String id = customer + ":2026-Q1";
        Response r = engine.post("/api/v1/followups/" + id + "/dial", new JsonObject().put("extension", "101"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getBoolean("dialled")).isFalse();
        assertThat(r.json().getString("message")).startsWith("AMI is");
        JsonObject f = engine.get("/api/v1/followups/" + id).json();
        assertThat(f.getString("status")).isEqualTo("open");
        assertThat(f.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("dial_failed");
    }

    @Test
    void anAgentLoggingOutReleasesTheirFollowUpsToAnyone() {
        String phone = String.format("135%08d", ProcessHandle.current().pid() % 100_000_000);
        String customer = engine.post(
                        "/api/v1/customers",
                        new JsonObject().put("name", "Logout Co").put("phones", new JsonArray().add(phone)))
                .json()
                .getString("id");
        engine.post("/api/v1/followups/plan", new JsonObject());
        String id = customer + ":2026-Q1";
        assertThat(engine.post("/api/v1/followups/" + id + "/claim", new JsonObject())
                        .json()
                        .getString("owner"))
                .isEqualTo("admin");
        engine.engine()
                .vertx()
                .eventBus()
                .publish(
                        AgentEvents.PRESENCE,
                        new AgentEvents.PresenceChanged(
                                "admin", new Agent.AgentState(Presence.OFFLINE, clock.instant(), null)),
                        new DeliveryOptions().setCodecName("callcenter-record"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.get("/api/v1/followups/" + id).json().getString("owner") == null);
        assertThat(engine.get("/api/v1/followups/" + id).json().getString("status"))
                .isEqualTo("open");
    }
}
