package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.sla.BusinessCalendarTest.cn;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.RedisTimerIndex;
import org.callcenter.support.Await;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once firing with two engines sharing Redis and MongoDB in one JVM, with a claimer that dies
 * after claiming (its lease runs out and another engine fires the timer, once), and after a restart
 * that lost the Redis index (rebuilt from MongoDB, overdue timers fire at once).
 */
class SlaExactlyOnceTest {
    static final AtomicInteger seq = new AtomicInteger();
    final MutableClock clock = new MutableClock(cn("2026-03-09T10:00"));
    final Queue<Object> announced = new ConcurrentLinkedQueue<>();
    final List<TestEngine> engines = new ArrayList<>();
    EmbeddedMongo mongo;

    @BeforeEach
    void sharedMongo() {
        mongo = EmbeddedMongo.start(TestRedis.tempDir("sla-eo"));
    }

    @AfterEach
    void stopAll() {
        engines.forEach(TestEngine::close);
        mongo.close();
    }

    TestEngine engine() {
        Path dir = TestRedis.tempDir("sla-eo-engine");
        TestEngine e = TestEngine.start(
                dir,
                Map.of(
                        "MONGODB_URI", mongo.uri(),
                        "MONGODB_DATABASE", "sla_exactly_once",
                        "AUTH_TOKEN_TTL_HOURS", "100000",
                        "SLA_POLL_MILLIS", "20",
                        "SLA_LEASE_SECONDS", "30",
                        "SLA_BATCH_SIZE", "50"),
                clock);
        var bus = e.engine().vertx().eventBus();
        bus.<SlaEvents.SlaBreached>consumer(SlaEvents.BREACHED, m -> announced.add(m.body()));
        bus.<SlaEvents.SlaWarned>consumer(SlaEvents.WARNED, m -> announced.add(m.body()));
        engines.add(e);
        return e;
    }

    String ticket(TestEngine e) {
        Response r = e.post(
                "/api/v1/tickets",
                new JsonObject()
                        .put(
                                "phone",
                                String.format(
                                        "136%08d",
                                        (ProcessHandle.current().pid() % 1000) * 100_000 + seq.incrementAndGet()))
                        .put("category", "leak")
                        .put("description", "pump seal"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String n = r.json().getString("number");
        Await.until("clocks of " + n, Duration.ofSeconds(20), () -> {
            JsonObject c = e.get("/api/v1/tickets/" + n + "/clocks").json();
            return c.containsKey("feedback") && c.containsKey("resolve");
        });
        assertThat(e.post("/api/v1/tickets/" + n + "/clocks/complaint_answer/start", new JsonObject())
                        .status())
                .isEqualTo(200);
        return n;
    }

    long announcedFor(String n) {
        return announced.stream().filter(o -> ticketOf(o).equals(n)).count();
    }

    static String ticketOf(Object o) {
        return o instanceof SlaEvents.SlaBreached b ? b.ticket() : ((SlaEvents.SlaWarned) o).ticket();
    }

    static String idOf(Object o) {
        return o instanceof SlaEvents.SlaBreached b ? b.id() : ((SlaEvents.SlaWarned) o).id();
    }

    boolean indexHasNone(TestEngine e, List<String> tickets) {
        return e.engine().redis().client().zrange("sla:timers", 0, -1).stream()
                .map(TimerRef::parse)
                .noneMatch(t -> tickets.contains(t.ticket()) && !t.due().isAfter(clock.instant()));
    }

    /** Waits until every due timer of the tickets fired and left the index; then none can fire again. */
    void awaitAllFired(TestEngine e, List<String> tickets, int perTicket) {
        Await.until(
                () -> "all timers fired; announced "
                        + announced.stream().map(SlaExactlyOnceTest::idOf).toList() + ", in index "
                        + e.engine().redis().client().zrangeWithScores("sla:timers", 0, -1),
                Duration.ofSeconds(30),
                () -> tickets.stream().allMatch(n -> announcedFor(n) >= perTicket) && indexHasNone(e, tickets));
    }

    @Test
    void twoEnginesSharingRedisAndMongoFireEveryTimerExactlyOnce() {
        TestEngine a = engine();
        TestEngine b = engine();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) tickets.add(ticket(i % 2 == 0 ? a : b));
        clock.set(cn("2026-03-13T10:00")); // every warn and breach of the three clocks is now due
        awaitAllFired(a, tickets, 6);
        for (String n : tickets) {
            assertThat(announcedFor(n)).as(n).isEqualTo(6);
            JsonObject c = a.get("/api/v1/tickets/" + n + "/clocks").json();
            for (String name : List.of("feedback", "resolve", "complaint_answer"))
                assertThat(c.getJsonObject(name).getString("state")).isEqualTo("breached");
        }
        assertThat(announced.stream().map(SlaExactlyOnceTest::idOf).distinct().count())
                .isEqualTo(announced.size());
    }

    @Test
    void aClaimerKilledMidHandlingLosesItsLeaseAndAnotherEngineFiresOnce() {
        clock.set(cn("2026-03-16T10:00"));
        TestEngine a = engine();
        TestEngine b = engine();
        String n = ticket(a);
        Instant t0 = clock.instant();
        // a third claimer takes every timer due within 2 h and dies: its lease lasts until t0 + 2 h 30 s
        Instant leaseEnd = t0.plus(Duration.ofHours(2)).plusSeconds(30);
        List<TimerRef> claimed = new RedisTimerIndex(a.engine().redis(), "sla:timers")
                .claim(t0.plus(Duration.ofHours(2)), leaseEnd, 10_000);
        assertThat(claimed).filteredOn(t -> t.ticket().equals(n)).hasSize(4); // feedback and complaint: warn+breach
        // and the complaint clock is left breached but not yet announced (as a late stop leaves it)
        MongoClockRepository repo = new MongoClockRepository(a.engine().mongo());
        SlaClock complaint = repo.find(n).get(ClockName.COMPLAINT_ANSWER);
        assertThat(repo.put(n, complaint.breached().nextRev())).isTrue();

        clock.set(t0.plus(Duration.ofMinutes(90))); // all due, but leased: nobody may fire them yet
        clock.set(leaseEnd.plusSeconds(1));
        awaitAllFired(b, List.of(n), 4);
        assertThat(announcedFor(n)).isEqualTo(4);
        assertThat(announced.stream()
                        .filter(o -> ticketOf(o).equals(n))
                        .map(SlaExactlyOnceTest::idOf)
                        .distinct())
                .hasSize(4);
        assertThat(announced.stream()
                        .filter(o -> o instanceof SlaEvents.SlaBreached x
                                && x.ticket().equals(n))
                        .map(o -> ((SlaEvents.SlaBreached) o).firedAt()))
                .allSatisfy(at -> assertThat(at).isAfter(leaseEnd));
    }

    @Test
    void aRestartRebuildsTheIndexFromMongoAndFiresOverdueTimersAtOnce() {
        clock.set(cn("2026-03-18T10:00"));
        TestEngine a = engine();
        String n = ticket(a);
        a.close();
        engines.remove(a);
        // drop the whole index while no engine runs (as if Redis had lost it)
        try (var redis = org.callcenter.store.RedisStore.open(
                new org.callcenter.config.AppConfig.RedisConfig(TestRedis.url(), "", "", 2))) {
            redis.client().del("sla:timers");
        }
        clock.set(cn("2026-03-20T10:00")); // every timer of n is overdue now
        TestEngine c = engine();
        // the rebuild fires at once, possibly before this test listens on c's bus: check the markers
        MongoClockRepository repo = new MongoClockRepository(c.engine().mongo());
        Await.until("overdue timers fired after the restart", Duration.ofSeconds(30), () -> {
            Map<ClockName, SlaClock> clocks = repo.find(n);
            return clocks.size() == 3
                    && clocks.values().stream()
                            .allMatch(k -> k.state() == ClockState.BREACHED && k.warnNotified() && k.breachNotified())
                    && indexHasNone(c, List.of(n));
        });
        assertThat(new org.callcenter.store.RedisEscalationLog(c.engine().redis(), "sla:escalations", 1000)
                        .recent(1000).stream().filter(e -> e.ticket().equals(n)))
                .hasSize(3);
        assertThat(announced.stream().map(SlaExactlyOnceTest::idOf).distinct().count())
                .isEqualTo(announced.size());
    }
}
