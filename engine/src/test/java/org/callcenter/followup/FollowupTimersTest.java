package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.config.AppConfig;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.store.RedisStore;
import org.callcenter.support.Agents;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-up plans on the durable timer engine: two engines sharing Redis and MongoDB (each with its
 * own PBX, so both may dial) dial each due follow-up exactly once; plans made by an engine that is then
 * stopped, with the Redis index lost, are rebuilt from MongoDB and dialled once by a new engine.
 */
class FollowupTimersTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final MutableClock clock = new MutableClock(at("2026-03-09T20:00"));
    final List<TestEngine> engines = new ArrayList<>();
    final List<TestAmi> pbxs = new ArrayList<>();
    EmbeddedMongo mongo;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void sharedMongo() {
        mongo = EmbeddedMongo.start(TestRedis.tempDir("followup-timers"));
    }

    @AfterEach
    void stopAll() {
        engines.forEach(TestEngine::close);
        pbxs.forEach(TestAmi::close);
        mongo.close();
    }

    TestEngine engine(TestAmi ami) {
        Path dir = TestRedis.tempDir("followup-timers-engine");
        Map<String, String> env = new HashMap<>(ami.env());
        env.put("MONGODB_URI", mongo.uri());
        env.put("MONGODB_DATABASE", "followup_timers");
        env.put("AUTH_TOKEN_TTL_HOURS", "100000");
        env.put("FOLLOWUP_PROGRESSIVE_ENABLED", "true");
        env.put("FOLLOWUP_TIMERS_POLL_MILLIS", "20");
        TestEngine e = TestEngine.start(dir, env, clock);
        engines.add(e);
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
        return e;
    }

    TestAmi pbx() {
        TestAmi ami = new TestAmi();
        pbxs.add(ami);
        return ami;
    }

    /** Customers with a new installation each; their phone channels as the progressive dialler dials them. */
    List<String> customers(TestEngine e, String prefix, int n) {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = String.format(
                    "137%04d%04d", ProcessHandle.current().pid() % 10_000, Integer.parseInt(prefix) * 100 + i);
            var c = e.post(
                    "/api/v1/customers",
                    new JsonObject().put("name", "Timer Co " + prefix + i).put("phones", new JsonArray().add(phone)));
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            e.post(
                    "/api/v1/customers/" + c.json().getString("id") + "/installations",
                    new JsonObject().put("product", "pump").put("installedOn", "2026-03-02"));
            channels.add("Local/+86" + phone + "@from-internal");
        }
        return channels;
    }

    void availableAgents(TestEngine e, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            String token = Agents.agent(e, "tm" + prefix + i, "PJSIP/" + prefix + i);
            var r = e.send(
                    "PUT",
                    "/api/v1/agents/me/presence",
                    new JsonObject().put("state", "available").encode(),
                    token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    long originated(String channel) {
        return pbxs.stream()
                .flatMap(p -> p.server.originated.stream())
                .filter(a -> channel.equals(a.get("channel")))
                .count();
    }

    @Test
    void twoEnginesSharingRedisAndMongoDialEachDueFollowUpExactlyOnce() {
        TestEngine a = engine(pbx());
        TestEngine b = engine(pbx());
        availableAgents(a, "41", 8);
        List<String> channels = customers(a, "41", 8);
        assertThat(a.post("/api/v1/followups/plan", new JsonObject()).json().getInteger("changed"))
                .isGreaterThanOrEqualTo(8);
        assertThat(channels).allMatch(ch -> originated(ch) == 0); // planned at night: due at 09:00

        clock.set(at("2026-03-10T09:05"));
        await().atMost(Duration.ofSeconds(30)).until(() -> channels.stream().allMatch(ch -> originated(ch) >= 1));
        // both engines poll once more by hand: a timer handled elsewhere must not dial again
        a.engine().followup().pollOnce();
        b.engine().followup().pollOnce();
        assertThat(channels).allSatisfy(ch -> assertThat(originated(ch)).as(ch).isEqualTo(1));
        // and no agent was given two calls: eight agents on eight different follow-ups
        var callIds = a.get("/api/v1/agents").array().stream()
                .map(JsonObject.class::cast)
                .filter(x -> x.getString("username").startsWith("tm41"))
                .map(x -> x.getJsonObject("presence").getString("callId"))
                .toList();
        assertThat(callIds).hasSize(8).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void plansSurviveARestartWithTheRedisIndexLost() {
        TestAmi first = pbx();
        TestEngine a = engine(first);
        availableAgents(a, "52", 3);
        List<String> channels = customers(a, "52", 3);
        a.post("/api/v1/followups/plan", new JsonObject());
        a.close();
        try (RedisStore redis = RedisStore.open(new AppConfig.RedisConfig(TestRedis.url(), "", "", 2))) {
            redis.client().del("followup:timers:dial", "followup:timers:release");
        }

        clock.set(at("2026-03-10T09:05"));
        TestEngine c = engine(pbx());
        await().atMost(Duration.ofSeconds(30)).until(() -> channels.stream().allMatch(ch -> originated(ch) >= 1));
        c.engine().followup().pollOnce();
        assertThat(channels).allSatisfy(ch -> assertThat(originated(ch)).as(ch).isEqualTo(1));
        assertThat(first.server.originated).isEmpty();
    }

    @Test
    void anOwnersHoldEndsOnTheReleaseTimerAndTheFollowUpGoesToAnyone() {
        clock.set(at("2026-03-09T10:00"));
        TestEngine a = engine(pbx());
        customers(a, "63", 1);
        a.post("/api/v1/followups/plan", new JsonObject());
        String id = a.get("/api/v1/followups")
                .json()
                .getJsonArray("shared")
                .getJsonObject(0)
                .getString("id");
        var claimed =
                a.post("/api/v1/followups/" + id + "/claim", new JsonObject()).json();
        assertThat(claimed.getString("owner")).isEqualTo("admin");
        assertThat(a.engine().followup().schedule().size(FollowupTimer.Kind.RELEASE))
                .isPositive();

        clock.set(Instant.parse(claimed.getString("ownedUntil")).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> a.get("/api/v1/followups/" + id).json().getString("owner") == null);
        assertThat(a.get("/api/v1/followups/" + id).json().getString("status")).isEqualTo("open");
    }
}
