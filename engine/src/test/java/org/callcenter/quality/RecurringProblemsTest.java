package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.support.Await;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recurring-problem rule (defaults: at least 3 in a month and at least 2 × the previous month)
 * checked as requests come in: it fires once per product, category and month, routed by category,
 * and does not fire below the count or below twice the previous month.
 */
class RecurringProblemsTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    static final List<QualityEvents.KeyWarning> warnings = new CopyOnWriteArrayList<>();
    static final AtomicInteger seq = new AtomicInteger();
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(
                TestRedis.tempDir("mongo"), Map.of("TIME_ZONE", "UTC", "AUTH_TOKEN_TTL_HOURS", "100000"), clock);
        engine.engine()
                .vertx()
                .eventBus()
                .<QualityEvents.KeyWarning>consumer(QualityEvents.KEY_WARNING, m -> warnings.add(m.body()));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String ticket(String product, String category, String openedAt) {
        JsonObject body = new JsonObject()
                .put(
                        "phone",
                        String.format(
                                "137%08d", (ProcessHandle.current().pid() % 1000) * 10_000 + seq.incrementAndGet()))
                .put("product", product)
                .put("category", category)
                .put("description", "it happened again");
        if (openedAt != null) body.put("openedAt", openedAt);
        TestEngine.Response r = engine.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("number");
    }

    /** Waits until the check of {@code n} requests of the product and category has run. */
    private static void counted(String product, String category, String period, long n) {
        Await.until(product + " counted " + n, Duration.ofSeconds(10), () -> {
            var d = engine.engine()
                    .mongo()
                    .database()
                    .getCollection("problem_counts")
                    .find(new org.bson.Document("_id", period + "|" + product + "|" + category))
                    .first();
            return d != null && d.get("count", Number.class).longValue() >= n;
        });
    }

    private static List<QualityEvents.KeyWarning> warningsOf(String product) {
        return warnings.stream().filter(w -> w.product().equals(product)).toList();
    }

    @Test
    void firesAtTheThirdRequestOfAMonthOnce() {
        ticket("pump-x", "noise", null);
        ticket("pump-x", "noise", null);
        counted("pump-x", "noise", "2026-11", 2);
        assertThat(warningsOf("pump-x")).isEmpty();
        ticket("pump-x", "noise", null);
        Await.until(
                "key warning for pump-x",
                Duration.ofSeconds(10),
                () -> !warningsOf("pump-x").isEmpty());
        QualityEvents.KeyWarning w = warningsOf("pump-x").getFirst();
        assertThat(w.category()).isEqualTo("noise");
        assertThat(w.route()).isEqualTo("technical");
        assertThat(w.period()).isEqualTo("2026-11");
        assertThat(w.count()).isEqualTo(3);
        assertThat(w.previous()).isZero();
        ticket("pump-x", "noise", null);
        counted("pump-x", "noise", "2026-11", 4);
        assertThat(warningsOf("pump-x")).as("raised once per month").hasSize(1);
    }

    @Test
    void doesNotFireBelowTwiceThePreviousMonthThenFiresForTraining() {
        ticket("heater-y", "usage", "2026-10-10T08:00:00Z");
        ticket("heater-y", "usage", "2026-10-12T08:00:00Z");
        for (int i = 0; i < 3; i++) ticket("heater-y", "usage", null);
        counted("heater-y", "usage", "2026-11", 3);
        assertThat(warningsOf("heater-y")).as("3 is less than 2 x 2").isEmpty();
        ticket("heater-y", "usage", null);
        Await.until(
                "key warning for heater-y",
                Duration.ofSeconds(10),
                () -> !warningsOf("heater-y").isEmpty());
        QualityEvents.KeyWarning w = warningsOf("heater-y").getFirst();
        assertThat(w.route()).isEqualTo("service");
        assertThat(w.count()).isEqualTo(4);
        assertThat(w.previous()).isEqualTo(2);
    }

    @Test
    void onDemandCountsFromTheRequests() {
        ticket("valve-z", "leak", "2026-08-03T08:00:00Z");
        ticket("valve-z", "leak", "2025-12-03T08:00:00Z");
        ticket("valve-z", "leak", null);
        ticket("valve-z", "leak", null);
        counted("valve-z", "leak", "2026-11", 2);
        JsonObject r = engine.get("/api/v1/quality/recurring?month=2026-11").json();
        JsonObject valve = r.getJsonArray("problems").stream()
                .map(o -> (JsonObject) o)
                .filter(o -> o.getString("product").equals("valve-z"))
                .findFirst()
                .orElseThrow();
        assertThat(valve.getMap())
                .containsEntry("month", 2)
                .containsEntry("previousMonth", 0)
                .containsEntry("quarter", 2)
                .containsEntry("previousQuarter", 1)
                .containsEntry("year", 3)
                .containsEntry("previousYear", 1)
                .containsEntry("warning", false);
        JsonArray stored = r.getJsonArray("keyWarnings");
        assertThat(stored.stream().map(o -> ((JsonObject) o).getString("product")))
                .doesNotContain("valve-z");
        assertThat(warningsOf("valve-z")).isEmpty();
        assertThat(engine.get("/api/v1/quality/recurring?month=2026-12").status())
                .isEqualTo(400);
        assertThat(engine.get("/api/v1/quality/recurring?month=nov").status()).isEqualTo(400);
    }
}
