package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.sla.BusinessCalendarTest.cn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.support.Await;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SLA clocks end to end: the request's lifecycle drives them, time moves, warnings and breaches fire. */
class SlaApiTest {
    static final MutableClock clock = new MutableClock(cn("2026-03-09T10:00"));
    static final AtomicInteger seq = new AtomicInteger();
    static final Queue<SlaEvents.SlaBreached> breaches = new ConcurrentLinkedQueue<>();
    static final Queue<SlaEvents.SlaWarned> warnings = new ConcurrentLinkedQueue<>();
    static final Queue<Escalation> escalations = new ConcurrentLinkedQueue<>();
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(
                TestRedis.tempDir("sla-api"), Map.of("AUTH_TOKEN_TTL_HOURS", "100000", "SLA_POLL_MILLIS", "20"), clock);
        var bus = engine.engine().vertx().eventBus();
        bus.<SlaEvents.SlaBreached>consumer(SlaEvents.BREACHED, m -> breaches.add(m.body()));
        bus.<SlaEvents.SlaWarned>consumer(SlaEvents.WARNED, m -> warnings.add(m.body()));
        bus.<Escalation>consumer(SlaEvents.ESCALATED, m -> escalations.add(m.body()));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static String phone() {
        return String.format("137%08d", (ProcessHandle.current().pid() % 1000) * 100_000 + seq.incrementAndGet());
    }

    static JsonObject ticket(JsonObject extra) {
        JsonObject body = new JsonObject()
                .put("phone", phone())
                .put("category", "leak")
                .put("description", "oil leaking from the pump seal")
                .mergeIn(extra);
        Response r = engine.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonObject clocks(String number) {
        Response r = engine.get("/api/v1/tickets/" + number);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonObject("clocks");
    }

    static JsonObject clockOf(String number, String name) {
        JsonObject c = clocks(number).getJsonObject(name);
        return c == null ? new JsonObject() : c;
    }

    static void awaitState(String number, String name, String state) {
        Await.until(
                name + " of " + number + " " + state,
                Duration.ofSeconds(20),
                () -> state.equals(clockOf(number, name).getString("state")));
    }

    static long version(String number) {
        return engine.get("/api/v1/tickets/" + number).json().getLong("version");
    }

    static void status(String number, String status) {
        Response r = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject().put("status", status).put("version", version(number)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void feedbackMetEarlyResolvePausedOverNightThenBreachedAndEscalatedOnce() {
        clock.set(cn("2026-03-09T10:00"));
        String n = ticket(new JsonObject()).getString("number");
        awaitState(n, "resolve", "running");
        JsonObject feedback = clockOf(n, "feedback");
        assertThat(Instant.parse(feedback.getString("due"))).isEqualTo(cn("2026-03-09T11:00"));
        assertThat(feedback.getString("counting")).isEqualTo("working_hours");
        assertThat(Instant.parse(clockOf(n, "resolve").getString("due"))).isEqualTo(cn("2026-03-10T10:00"));

        clock.set(cn("2026-03-09T10:50")); // past the 80% warning (10:48)
        Await.until(
                "feedback warning",
                Duration.ofSeconds(20),
                () -> warnings.stream().anyMatch(w -> w.ticket().equals(n) && w.clock() == ClockName.FEEDBACK));
        assertThat(engine.post("/api/v1/tickets/" + n + "/feedback", new JsonObject())
                        .status())
                .isEqualTo(200);
        awaitState(n, "feedback", "met");

        clock.set(cn("2026-03-09T11:30"));
        status(n, "waiting_on_customer");
        awaitState(n, "resolve", "paused");
        clock.set(cn("2026-03-10T09:00")); // the night passes while paused
        status(n, "in_progress");
        awaitState(n, "resolve", "running");
        assertThat(Instant.parse(clockOf(n, "resolve").getString("due"))).isEqualTo(cn("2026-03-10T16:30"));
        assertThat(clockOf(n, "resolve").getString("pausedTime")).isEqualTo("PT21H30M");

        clock.set(cn("2026-03-10T16:31"));
        awaitState(n, "resolve", "breached");
        Await.until(
                "escalation",
                Duration.ofSeconds(20),
                () -> escalations.stream().anyMatch(e -> e.ticket().equals(n)));
        assertThat(breaches.stream().filter(b -> b.ticket().equals(n)).toList())
                .singleElement()
                .satisfies(b -> assertThat(b.clock()).isEqualTo(ClockName.RESOLVE));
        // the feedback clock was met early: it never breaches
        assertThat(clockOf(n, "feedback").getString("state")).isEqualTo("met");
        JsonArray listed = engine.get("/api/v1/sla/escalations?limit=200").array();
        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("ticket")))
                .contains(n);
        String metrics = engine.send("GET", "/metrics", null, null).body();
        assertThat(metrics).contains("callcenter_sla_breaches_total{clock=\"resolve\"");
    }

    @Test
    void markingComplexStartsTheThreeWorkingDaySolutionClock() {
        clock.set(cn("2026-09-29T10:00"));
        String n = ticket(new JsonObject()).getString("number");
        awaitState(n, "resolve", "running");
        Response r = engine.patch(
                "/api/v1/tickets/" + n,
                new JsonObject().put("severity", "complex").put("version", version(n)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        awaitState(n, "solution", "running");
        assertThat(clockOf(n, "resolve").getString("state")).isEqualTo("cancelled");
        assertThat(Instant.parse(clockOf(n, "solution").getString("due"))).isEqualTo(cn("2026-10-09T10:00"));
        status(n, "resolved");
        awaitState(n, "solution", "met");
    }

    @Test
    void complaintOnsiteAndAppointmentClocksStartAndStopByName() {
        clock.set(cn("2026-03-11T10:00"));
        String n = ticket(new JsonObject()).getString("number");
        awaitState(n, "feedback", "running");
        String base = "/api/v1/tickets/" + n + "/clocks/";
        Response answer = engine.post(base + "complaint_answer/start", new JsonObject());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Instant.parse(answer.json().getString("due"))).isEqualTo(cn("2026-03-11T11:00"));
        Response onsite = engine.post(base + "onsite_arrival/start", new JsonObject().put("region", "neighbouring"));
        assertThat(Instant.parse(onsite.json().getString("due"))).isEqualTo(cn("2026-03-11T22:00"));
        Response appointment = engine.post(
                base + "appointment/start",
                new JsonObject().put("agreedAt", cn("2026-03-12T15:00").toString()));
        assertThat(Instant.parse(appointment.json().getString("due"))).isEqualTo(cn("2026-03-12T15:00"));

        // resume without pause: ignored, the clock is unchanged
        Response resume = engine.post(base + "complaint_answer/resume", new JsonObject());
        assertThat(resume.status()).isEqualTo(200);
        assertThat(resume.json().getString("state")).isEqualTo("running");

        clock.set(cn("2026-03-11T10:40"));
        Response stopped = engine.post(base + "complaint_answer/stop", new JsonObject());
        assertThat(stopped.json().getString("state")).isEqualTo("met");
        assertThat(engine.post(base + "feedback/start", new JsonObject()).status())
                .isEqualTo(422);
        assertThat(engine.post(base + "appointment/start", new JsonObject()).status())
                .isEqualTo(400);
        assertThat(engine.post(base + "nosuch/start", new JsonObject()).status())
                .isEqualTo(404);
    }

    @Test
    void calendarAndPreviewCreateNothing() {
        JsonObject cal = engine.get("/api/v1/sla/calendar").json();
        assertThat(cal.getString("zone")).isEqualTo("Asia/Shanghai");
        assertThat(cal.getJsonArray("makeupDays").getList()).contains("2026-02-14");
        assertThat(cal.getJsonObject("hours").getJsonArray("monday").getList())
                .containsExactly("09:00-12:00", "13:00-18:00");
        Response p = engine.post(
                "/api/v1/sla/preview",
                new JsonObject()
                        .put("clock", "resolve")
                        .put("start", cn("2026-03-09T10:00").toString())
                        .put(
                                "pauses",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put(
                                                        "from",
                                                        cn("2026-03-09T11:30").toString())
                                                .put(
                                                        "to",
                                                        cn("2026-03-10T09:00").toString()))));
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(Instant.parse(p.json().getString("due"))).isEqualTo(cn("2026-03-10T16:30"));
        Response bad = engine.post("/api/v1/sla/preview", new JsonObject().put("clock", "onsite_arrival"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("start").contains("region");
    }

    @Test
    void aRequestImportedWithOpenedAtInTheFutureIsRefused() {
        clock.set(cn("2026-03-09T10:00"));
        Response r = engine.post(
                "/api/v1/tickets",
                new JsonObject()
                        .put("phone", phone())
                        .put("category", "leak")
                        .put("description", "x")
                        .put("openedAt", cn("2026-03-09T12:00").toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("openedAt");
    }
}
