package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.callcenter.support.Agents;
import org.callcenter.support.Await;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Complaints through the API: the request's complaint clocks start and stop through the SLA engine,
 * the event is published, verification and ladder steps take a supervisor, and bad input (unknown
 * technician or request, skipped step) gets a clear error with nothing stored.
 */
class QualityApiTest extends EngineTest {
    static final List<JsonObject> registered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void technicians() {
        engine.engine()
                .mongo()
                .database()
                .getCollection("technicians")
                .insertMany(List.of(
                        new Document("_id", "tech-a").append("name", "Zhao").append("region", "east"),
                        new Document("_id", "tech-b").append("name", "Qian").append("region", "north")));
        engine.engine()
                .vertx()
                .eventBus()
                .consumer(
                        QualityEvents.COMPLAINT_REGISTERED,
                        m -> registered.add(new JsonObject(org.callcenter.common.JsonMapper.write(m.body()))));
    }

    private String ticket() {
        Response r = engine.post(
                "/api/v1/tickets",
                new JsonObject()
                        .put("phone", mobile())
                        .put("category", "leak")
                        .put("product", "pump-q")
                        .put("description", "the technician left a mess"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("number");
    }

    private JsonObject clocks(String ticket) {
        return engine.get("/api/v1/tickets/" + ticket).json().getJsonObject("clocks");
    }

    @Test
    void aComplaintRunsItsClocksUntilAnsweredAndOnScene() {
        String ticket = ticket();
        Response r = engine.post(
                "/api/v1/complaints",
                new JsonObject()
                        .put("ticketId", ticket)
                        .put("technicianId", "tech-a")
                        .put("text", "left a mess")
                        .put("source", "call"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().getString("id");
        assertThat(r.json().getString("verification")).isEqualTo("pending");
        Await.until("complaint clocks running", Duration.ofSeconds(10), () -> {
            JsonObject c = clocks(ticket);
            return c.containsKey("complaint_answer") && c.containsKey("complaint_on_scene");
        });
        assertThat(clocks(ticket).getJsonObject("complaint_answer").getString("state"))
                .isEqualTo("running");
        Await.until(
                "event published",
                Duration.ofSeconds(5),
                () -> registered.stream().anyMatch(e -> id.equals(e.getString("complaintId"))));
        JsonObject event = registered.stream()
                .filter(e -> id.equals(e.getString("complaintId")))
                .findFirst()
                .orElseThrow();
        assertThat(event.getString("ticketId")).isEqualTo(ticket);
        assertThat(event.getString("technicianId")).isEqualTo("tech-a");
        assertThat(event.getString("source")).isEqualTo("call");

        assertThat(engine.post("/api/v1/complaints/" + id + "/answer", new JsonObject())
                        .status())
                .isEqualTo(200);
        Await.until(
                "answer clock met",
                Duration.ofSeconds(10),
                () -> "met"
                        .equals(clocks(ticket).getJsonObject("complaint_answer").getString("state")));
        assertThat(clocks(ticket).getJsonObject("complaint_on_scene").getString("state"))
                .isEqualTo("running");
        assertThat(engine.post("/api/v1/complaints/" + id + "/answer", new JsonObject())
                        .status())
                .isEqualTo(409);
        assertThat(engine.post("/api/v1/complaints/" + id + "/on-scene", new JsonObject())
                        .status())
                .isEqualTo(200);
        Await.until(
                "on-scene clock met",
                Duration.ofSeconds(10),
                () -> "met"
                        .equals(clocks(ticket)
                                .getJsonObject("complaint_on_scene")
                                .getString("state")));
        assertThat(engine.get("/api/v1/complaints?ticket=" + ticket).array()).hasSize(1);
    }

    @Test
    void aTechnicianArrivingPutsTheComplaintOnScene() {
        String ticket = ticket();
        String id = engine.post(
                        "/api/v1/complaints",
                        new JsonObject()
                                .put("ticketId", ticket)
                                .put("technicianId", "tech-b")
                                .put("text", "no show"))
                .json()
                .getString("id");
        Await.until(
                "on-scene clock running",
                Duration.ofSeconds(10),
                () -> clocks(ticket).containsKey("complaint_on_scene"));
        String arrived = java.time.Instant.now() // after the complaint was registered
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusSeconds(1)
                .toString();
        engine.engine()
                .vertx()
                .eventBus()
                .publish(
                        QualityModule.VISIT_ARRIVED,
                        new JsonObject()
                                .put("visitId", "visit-1")
                                .put("ticketId", ticket)
                                .put("technicianId", "tech-b")
                                .put("arrivedAt", arrived)
                                .put("punctual", true)
                                .put("minutesLate", 0));
        Await.until(
                "complaint on scene",
                Duration.ofSeconds(10),
                () -> arrived.equals(
                        engine.get("/api/v1/complaints/" + id).json().getString("onSceneAt")));
        Await.until(
                "on-scene clock met",
                Duration.ofSeconds(10),
                () -> "met"
                        .equals(clocks(ticket)
                                .getJsonObject("complaint_on_scene")
                                .getString("state")));
        assertThat(engine.get("/api/v1/complaints/" + id).json().getValue("answeredAt"))
                .isNull();
    }

    @Test
    void badComplaintsAreRefusedAndNothingIsStored() {
        long before =
                engine.engine().mongo().database().getCollection("complaints").countDocuments();
        Response unknown = engine.post(
                "/api/v1/complaints",
                new JsonObject().put("technicianId", "tech-zz").put("text", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("message")).contains("no technician tech-zz");
        assertThat(engine.post(
                                "/api/v1/complaints",
                                new JsonObject().put("ticketId", "99999999").put("text", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(engine.post("/api/v1/complaints", new JsonObject().put("text", "nobody named"))
                        .status())
                .isEqualTo(400);
        assertThat(engine.post(
                                "/api/v1/complaints",
                                new JsonObject()
                                        .put("technicianId", "tech-a")
                                        .put("text", "x")
                                        .put("source", "fax"))
                        .status())
                .isEqualTo(400);
        assertThat(engine.post(
                                "/api/v1/complaints",
                                new JsonObject().put("technicianId", "tech-a").put("x", 1))
                        .status())
                .isEqualTo(400);
        assertThat(engine.get("/api/v1/complaints/nope").status()).isEqualTo(404);
        assertThat(engine.get("/api/v1/quality/ladder/tech-zz").status()).isEqualTo(404);
        assertThat(engine.engine()
                        .mongo()
                        .database()
                        .getCollection("complaints")
                        .countDocuments())
                .isEqualTo(before);
    }

    @Test
    void supervisorsVerifyAndDecideStepsInOrder() {
        String agent = Agents.agent(engine, "quality-agent", "PJSIP/7701");
        String id = engine.post(
                        "/api/v1/complaints",
                        new JsonObject().put("technicianId", "tech-b").put("text", "late"))
                .json()
                .getString("id");
        Response byAgent = engine.send(
                "POST",
                "/api/v1/complaints/" + id + "/verify",
                new JsonObject().put("verified", true).encode(),
                agent);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(engine.post("/api/v1/complaints/" + id + "/verify", new JsonObject().put("verified", "yes"))
                        .status())
                .isEqualTo(400);
        Response verified = engine.post("/api/v1/complaints/" + id + "/verify", new JsonObject().put("verified", true));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().getString("verifiedBy")).isEqualTo("admin");
        assertThat(engine.post("/api/v1/complaints/" + id + "/verify", new JsonObject().put("verified", false))
                        .status())
                .isEqualTo(409);

        Response skipped = engine.post("/api/v1/quality/ladder/tech-b", new JsonObject().put("step", "penalty"));
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.json().getString("message")).contains("cannot skip");
        assertThat(engine.post("/api/v1/quality/ladder/tech-b", new JsonObject().put("step", "fired"))
                        .status())
                .isEqualTo(400);
        assertThat(engine.send(
                                "POST",
                                "/api/v1/quality/ladder/tech-b",
                                new JsonObject().put("step", "warning").encode(),
                                agent)
                        .status())
                .isEqualTo(403);
        Response warned = engine.post("/api/v1/quality/ladder/tech-b", new JsonObject().put("step", "warning"));
        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.json().getString("current")).isEqualTo("warning");
        assertThat(warned.json().getJsonArray("decisions").getJsonObject(0).getString("decidedBy"))
                .isEqualTo("admin");
        assertThat(engine.post("/api/v1/quality/ladder/tech-b", new JsonObject().put("step", "penalty"))
                        .status())
                .isEqualTo(409);
        JsonObject ladder = engine.get("/api/v1/quality/ladder/tech-b").json();
        assertThat(ladder.getInteger("verifiedComplaints")).isEqualTo(1);
        assertThat(ladder.getString("due")).isEqualTo("warning");
    }
}
