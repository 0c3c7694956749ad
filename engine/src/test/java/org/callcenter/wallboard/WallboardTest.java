package org.callcenter.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.callcenter.sla.ClockName;
import org.callcenter.support.Agents;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wallboard over its WebSocket: supervisors only; seeded from the stores; events show up; and
 * 50 open wallboards cost exactly the store queries one does (counted by the engine's own meter,
 * scraped from /metrics).
 */
class WallboardTest {
    static TestEngine engine;
    static WallboardFeed feed;
    static String supervisor;

    @BeforeAll
    static void start() {
        // no periodic refresh during the test: every refresh is one the test asks for
        engine = TestEngine.start(TestRedis.tempDir("mongo"), Map.of("WALLBOARD_REFRESH_SECONDS", "3600"));
        feed = new WallboardFeed(engine.engine().vertx());
        engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "li-sup")
                        .put("role", "supervisor")
                        .put("password", "supervisor-password-1"));
        supervisor = engine.login("li-sup", "supervisor-password-1");
        engine.engine()
                .wallboard()
                .seeded()
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void onlySignedInSupervisorsMayOpenIt() {
        String agent = Agents.agent(engine, "zhao102", "PJSIP/1102");
        assertThat(engine.send("GET", "/ws/wallboard", null, null).status()).isEqualTo(401);
        assertThat(engine.send("GET", "/ws/wallboard", null, agent).status()).isEqualTo(403);
        assertThat(engine.send("GET", "/ws/wallboard", null, supervisor, "Origin", "http://evil.example")
                        .status())
                .isEqualTo(403);
        assertThat(engine.send("GET", "/wallboard/", null, null).body()).contains("Wallboard");
    }

    @Test
    void refreshReadsClocksFollowupsAndSmsFailuresFromTheStores() {
        Instant now = Instant.now();
        var db = engine.engine().mongo().database();
        db.getCollection("tickets")
                .insertOne(new Document("_id", "90000017")
                        .append(
                                "clocks",
                                new Document(
                                                "feedback",
                                                new Document("state", "breached")
                                                        .append("counting", "bogus_mode") // unreadable: skipped
                                                        .append("due", Date.from(now.minusSeconds(60)))
                                                        .append("breachedAt", Date.from(now.minusSeconds(60))))
                                        .append(
                                                "solution",
                                                new Document("state", "breached")
                                                        .append("counting", "working_hours")
                                                        .append("due", Date.from(now.minusSeconds(60)))
                                                        .append("breachedAt", Date.from(now.minusSeconds(60))))
                                        .append(
                                                "resolve",
                                                new Document("state", "running")
                                                        .append("counting", "working_hours")
                                                        .append("due", Date.from(now.plusSeconds(600)))
                                                        .append("warnedAt", Date.from(now)))));
        db.getCollection("tickets")
                .insertOne(new Document("_id", "90000025")
                        .append("clocks", new Document("feedback", new Document("state", "met"))));
        db.getCollection("sms_outbox")
                .insertOne(new Document("_id", "visit-confirm:42")
                        .append("template", "visit_confirmation")
                        .append("to", "+8613800138000")
                        .append("status", "failed")
                        .append("errorCode", 30003)
                        .append("updatedAt", Date.from(now)));
        db.getCollection("followups")
                .insertOne(new Document("_id", "c1:2026-Q4")
                        .append("customerId", "c1")
                        .append("status", "open")
                        .append("callAt", now.minusSeconds(3600).toString()));
        db.getCollection("followups")
                .insertOne(new Document("_id", "c2:2026-Q4")
                        .append("customerId", "c2")
                        .append("status", "done")
                        .append("attempts", List.of(new Document("at", now.toString()).append("outcome", "reached"))));
        try (WallboardClient board = WallboardClient.open(engine.base(), supervisor)) {
            engine.engine()
                    .wallboard()
                    .refreshNow()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
            JsonObject s =
                    board.await("the stored rows", b -> b.getJsonObject("sms").getInteger("failedToday") == 1);
            assertThat(s.getJsonObject("clocks").getJsonArray("breached").encode())
                    .contains("90000017", "solution")
                    .doesNotContain("90000025", "feedback");
            assertThat(s.getJsonObject("clocks").getJsonArray("atRisk").encode())
                    .contains("90000017", "resolve");
            assertThat(s.getJsonObject("returnCalls").getInteger("due")).isEqualTo(2);
            assertThat(s.getJsonObject("returnCalls").getInteger("done")).isEqualTo(1);
            assertThat(s.getJsonObject("sms").getJsonArray("failures").encode())
                    .contains("visit_confirmation", "+8613*******00")
                    .doesNotContain("+8613800138000");
        }
    }

    @Test
    void fiftyViewersCostTheStoreQueriesOfOne() {
        List<WallboardClient> boards = new ArrayList<>();
        try {
            boards.add(WallboardClient.open(engine.base(), supervisor));
            double q0 = WallboardFeed.storeQueries(engine);
            long one = round(boards, "1");
            double q1 = WallboardFeed.storeQueries(engine);

            for (int i = 1; i < 50; i++) boards.add(WallboardClient.open(engine.base(), supervisor));
            double q2 = WallboardFeed.storeQueries(engine);
            assertThat(q2).as("opening 49 more wallboards queries nothing").isEqualTo(q1);
            long fifty = round(boards, "50");
            double q3 = WallboardFeed.storeQueries(engine);

            assertThat(q1 - q0).as("one refresh reads the stores").isPositive();
            assertThat(q3 - q2)
                    .as("the same events and refresh with 50 viewers")
                    .isEqualTo(q1 - q0);
            assertThat(fifty).as("snapshots built do not grow with viewers").isLessThanOrEqualTo(one + 2);
        } finally {
            boards.forEach(WallboardClient::close);
        }
        Await.until(
                "viewers closed",
                Duration.ofSeconds(10),
                () -> engine.engine().wallboard().viewers() == 0);
    }

    /** A refresh, then one call, breach, SMS failure and key warning; every board sees them all. */
    private static long round(List<WallboardClient> boards, String tag) {
        long before = engine.engine().wallboard().state().version();
        engine.engine()
                .wallboard()
                .refreshNow()
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        feed.callOffered("call-" + tag, "+8613911110000");
        feed.breached("8000" + tag, ClockName.FEEDBACK, Instant.now());
        feed.smsFailed("sms-" + tag, "technician_dispatch", 30006);
        feed.keyWarning("Pump " + tag, "leak", 4);
        for (WallboardClient b : boards)
            b.await(
                    "round " + tag,
                    s -> s.encode().contains("call-" + tag)
                            && s.encode().contains("sms-" + tag)
                            && s.encode().contains("Pump " + tag)
                            && s.getJsonObject("clocks")
                                    .getJsonArray("breached")
                                    .encode()
                                    .contains("8000" + tag));
        return engine.engine().wallboard().state().version() - before;
    }
}
