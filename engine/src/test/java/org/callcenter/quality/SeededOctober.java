package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;

/**
 * October 2026 seeded with known answers (see {@link MonthlyReportTest}): three technicians, six
 * requests with their clocks (one in September, one in November), visits as dispatch writes them,
 * IVR surveys (two naming the agent by interface), the agents directory, call records, product
 * returns and complaints registered through the API at their own times.
 */
final class SeededOctober {
    private SeededOctober() {}

    /** Starts the engine on {@code clock} and seeds October 2026. */
    static TestEngine start(MutableClock clock) {
        // the tests produce the reports themselves: the engine's own report timer poller stays idle
        TestEngine engine;
        engine = TestEngine.start(
                TestRedis.tempDir("mongo"),
                Map.of("TIME_ZONE", "UTC", "AUTH_TOKEN_TTL_HOURS", "100000", "QUALITY_POLL_SECONDS", "3600"),
                clock);
        MongoDatabase db = engine.engine().mongo().database();
        db.getCollection("technicians")
                .insertMany(List.of(
                        technician("t1", "Li Lei"), technician("t2", "Han Meimei"), technician("t3", "Idle Ida")));
        db.getCollection("tickets")
                .insertMany(List.of(
                        ticket(
                                "90000001",
                                "2026-10-02T08:00:00Z",
                                "alice",
                                "pump-a",
                                "leak",
                                "phone",
                                Map.of("feedback", met(), "resolve", met(), "onsite_arrival", breached())),
                        ticket(
                                "90000002",
                                "2026-10-05T08:00:00Z",
                                "alice",
                                "pump-a",
                                "leak",
                                "web",
                                Map.of("feedback", breached(), "resolve", new Document("state", "running"))),
                        ticket(
                                "90000003",
                                "2026-10-20T08:00:00Z",
                                "bob",
                                "pump-a",
                                "leak",
                                "web",
                                Map.of("feedback", met())),
                        ticket(
                                "90000004",
                                "2026-09-28T08:00:00Z",
                                "bob",
                                "pump-a",
                                "leak",
                                "phone",
                                Map.of("onsite_arrival", met())),
                        ticket(
                                "90000005",
                                "2026-11-02T08:00:00Z",
                                "alice",
                                "pump-a",
                                "leak",
                                "phone",
                                Map.of("feedback", met())),
                        ticket(
                                "90000006",
                                "2026-10-10T08:00:00Z",
                                "alice",
                                "fan-b",
                                "installation",
                                "phone",
                                Map.of())));
        db.getCollection("visits")
                .insertMany(List.of(
                        visit("v1", "90000001", "t1", "2026-10-03T09:00:00Z", true, 0, 5, "2026-10-03T12:00:00Z"),
                        visit("v2", "90000002", "t1", "2026-10-06T09:00:00Z", false, 40, 3, "2026-10-06T15:00:00Z"),
                        visit("v3", "90000001", "t1", "2026-10-08T09:00:00Z", true, 0, null, null),
                        visit("v4", "90000004", "t2", "2026-10-01T08:00:00Z", false, 20, 4, "2026-10-01T10:00:00Z"),
                        visit("v5", "90000004", "t2", "2026-09-29T08:00:00Z", true, 0, 2, "2026-10-02T09:00:00Z"),
                        visit("v6", "90000003", "t2", "2026-11-03T08:00:00Z", null, null, null, null)));
        db.getCollection("surveys")
                .insertMany(List.of(
                        survey("s1", "alice", 5, "2026-10-02T11:00:00Z"),
                        // the IVR names the agent by the queue member interface it rang (MEMBERINTERFACE)
                        survey("s2", "PJSIP/1101", 4, "2026-10-12T11:00:00Z"),
                        survey("s3", "Local/102@queue-agents", 1, "2026-10-21T11:00:00Z"),
                        survey("s4", "bob", 5, "2026-11-01T00:00:01Z")));
        // the agents directory maps those interfaces to the usernames requests and calls carry
        db.getCollection("agents")
                .insertMany(List.of(
                        new Document("_id", "alice")
                                .append("displayName", "Alice")
                                .append("interface", "PJSIP/1101")
                                .append("queues", List.of("support")),
                        new Document("_id", "bob")
                                .append("displayName", "Bob")
                                .append("interface", "Local/102@queue-agents/n")
                                .append("queues", List.of("support"))));
        // product returns as the returns domain stores them: three in October
        db.getCollection("returns")
                .insertMany(List.of(
                        productReturn("r1", "pump-a", "damaged", "2026-10-03T09:00:00Z", "2026-10"),
                        productReturn("r2", "pump-a", "defective", "2026-10-31T23:00:00Z", "2026-10"),
                        productReturn("r3", "fan-b", "intact", "2026-10-01T00:00:00Z", "2026-10"),
                        productReturn("r4", "pump-a", "used", "2026-09-30T23:59:00Z", "2026-09"),
                        productReturn("r5", "fan-b", "damaged", "2026-11-01T00:00:00Z", "2026-11")));
        db.getCollection("calls")
                .insertMany(List.of(
                        call("c1", "alice", "answered", "2026-10-02T10:00:00Z", 5L, 60L),
                        call("c2", "alice", "answered", "2026-10-12T10:00:00.250Z", 5L, 60L),
                        call("c3", null, "abandoned", "2026-10-08T10:00:00Z", 30L, null),
                        call("c4", "bob", "answered", "2026-10-31T23:59:59Z", 5L, 60L),
                        call("c5", "alice", "answered", "2026-11-01T00:00:00Z", 5L, 60L),
                        call("c6", "bob", "answered", "2026-10-07T10:00:00Z", 10L, 100L)));
        // complaints through the API at their own times; the June one is in t1's 12-month window
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        String june = complaint(engine, "t1");
        verify(engine, june, true);
        clock.set(Instant.parse("2026-06-02T10:00:00Z"));
        assertThat(engine.post("/api/v1/quality/ladder/t1", new JsonObject().put("step", "warning"))
                        .status())
                .isEqualTo(200);
        clock.set(Instant.parse("2026-10-15T10:00:00Z"));
        verify(engine, complaint(engine, "t1"), true);
        clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        complaint(engine, "t1");
        clock.set(Instant.parse("2026-10-25T10:00:00Z"));
        verify(engine, complaint(engine, "t2"), false);
        clock.set(Instant.parse("2026-11-15T10:00:00Z"));
        return engine;
    }

    private static String complaint(TestEngine engine, String technician) {
        Response r = engine.post(
                "/api/v1/complaints",
                new JsonObject().put("technicianId", technician).put("text", "was rude"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static void verify(TestEngine engine, String id, boolean ok) {
        assertThat(engine.post("/api/v1/complaints/" + id + "/verify", new JsonObject().put("verified", ok))
                        .status())
                .isEqualTo(200);
    }

    private static Document technician(String id, String name) {
        return new Document("_id", id)
                .append("name", name)
                .append("mobile", "+8613900000000")
                .append("region", "east")
                .append("skills", List.of("pump"))
                .append("onDuty", true);
    }

    private static Document ticket(
            String number,
            String openedAt,
            String by,
            String product,
            String category,
            String channel,
            Map<String, Document> clocks) {
        return new Document("_id", number)
                .append("createdBy", by)
                .append("product", product)
                .append("category", category)
                .append("channel", channel)
                .append("status", "in_progress")
                .append("openedAt", date(openedAt))
                .append("clocks", new Document(clocks))
                .append("version", 1L);
    }

    private static Document met() {
        return new Document("state", "met");
    }

    private static Document breached() {
        return new Document("state", "breached").append("breachedAt", date("2026-10-04T00:00:00Z"));
    }

    private static Document visit(
            String id,
            String ticket,
            String tech,
            String start,
            Boolean punctual,
            Integer late,
            Integer rating,
            String ratedAt) {
        Document d = new Document("_id", id)
                .append("ticketId", ticket)
                .append("ticketNumber", ticket)
                .append("technicianId", tech)
                .append("appointmentStart", date(start))
                .append("consent", "none");
        if (punctual != null)
            d.append("arrivedAt", date(start)).append("punctual", punctual).append("minutesLate", late);
        if (rating != null) d.append("rating", rating).append("ratedAt", date(ratedAt));
        return d;
    }

    private static Document survey(String id, String agent, int rating, String at) {
        return new Document("_id", id)
                .append("agent", agent)
                .append("rating", rating)
                .append("callbackRequested", false)
                .append("at", date(at));
    }

    private static Document call(String id, String agent, String outcome, String at, Long wait, Long talk) {
        return new Document("_id", id)
                .append("agent", agent)
                .append("outcome", outcome)
                .append("status", "ended")
                .append("startedAt", at)
                .append("waitSeconds", wait)
                .append("talkSeconds", talk);
    }

    private static Document productReturn(String id, String product, String condition, String at, String month) {
        return new Document("_id", id)
                .append("customerId", "cust-" + id)
                .append("installationId", "inst-" + id)
                .append("product", product)
                .append("serial", "SN-" + id)
                .append("condition", condition)
                .append("reason", "does not work")
                .append("recordedBy", "alice")
                .append("recordedAt", date(at))
                .append("month", month);
    }

    private static Date date(String iso) {
        return Date.from(Instant.parse(iso));
    }
}
