package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callcenter.sms.OutboxMessage;
import org.callcenter.sms.SmsEvents;
import org.callcenter.sms.SmsStatus;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TwilioFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The technicians API, dispatch refusals, visit reports, and SMS failures shown on the request. */
class DispatchApiTest {
    static DispatchFixture f;
    static final Queue<JsonObject> smsFailed = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        f = new DispatchFixture("dispatch-api", Instant.parse("2026-03-11T01:00:00Z"));
        f.engine.engine().vertx().eventBus().<JsonObject>consumer(SmsEvents.FAILED, m -> smsFailed.add(m.body()));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void techniciansAreCreatedListedUpdatedAndDeleted() {
        String mobile = DispatchFixture.mobile();
        String id = f.technician(
                "Qian Yu", "0" + mobile.substring(3, 6) + " " + mobile.substring(6), "other", true, "hydraulics");
        JsonObject t = f.engine.get("/api/v1/technicians/" + id).json();
        assertThat(t.getString("mobile")).isEqualTo(mobile);
        assertThat(t.getString("region")).isEqualTo("other");
        assertThat(t.getJsonArray("skills")).containsExactly("hydraulics");
        assertThat(f.engine.get("/api/v1/technicians?region=other&onDuty=true").body())
                .contains(id);
        Response off = f.engine.patch("/api/v1/technicians/" + id, new JsonObject().put("onDuty", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().getBoolean("onDuty")).isFalse();
        assertThat(f.engine.get("/api/v1/technicians?onDuty=true").body()).doesNotContain(id);
        assertThat(f.engine
                        .send("DELETE", "/api/v1/technicians/" + id, null, f.engine.adminToken())
                        .status())
                .isEqualTo(204);
        assertThat(f.engine.get("/api/v1/technicians/" + id).status()).isEqualTo(404);
    }

    @Test
    void badTechnicianInputIs400WithEveryFieldNamed() {
        Response r = f.engine.post(
                "/api/v1/technicians",
                new JsonObject()
                        .put("mobile", "12")
                        .put("region", "mars")
                        .put("skills", "pumps")
                        .put("onDuty", "yes")
                        .put("salary", 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("name", "mobile", "region", "skills", "onDuty", "salary");
        String mobile = DispatchFixture.mobile();
        f.technician("First", mobile, "capital", true);
        Response twice = f.engine.post(
                "/api/v1/technicians",
                new JsonObject().put("name", "Second").put("mobile", mobile).put("region", "capital"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).doesNotContain(mobile);
        assertThat(f.engine.get("/api/v1/technicians?onDuty=maybe").status()).isEqualTo(400);
    }

    @Test
    void dispatchRefusesOffDutyWrongRegionMissingSkillBadWindowAndASecondVisit() {
        String phone = DispatchFixture.mobile();
        f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        Instant now = f.clock.instant();
        String offDuty = f.technician("Off", DispatchFixture.mobile(), "capital", false);
        String far = f.technician("Far", DispatchFixture.mobile(), "other", true, "pumps");
        String near = f.technician("Near", DispatchFixture.mobile(), "capital", true, "pumps");
        assertThat(f.dispatch(number, new JsonObject().put("technicianId", offDuty))
                        .body())
                .contains("not on duty");
        Response region = f.dispatch(number, new JsonObject().put("technicianId", far));
        assertThat(region.status()).isEqualTo(422);
        assertThat(region.body()).contains("allowOtherRegion");
        assertThat(f.dispatch(number, new JsonObject().put("technicianId", near).put("skill", "electrics"))
                        .status())
                .isEqualTo(422);
        Response window = f.dispatch(
                number,
                new JsonObject()
                        .put("technicianId", near)
                        .put("appointmentStart", now.plus(Duration.ofHours(3)).toString())
                        .put("appointmentEnd", now.plus(Duration.ofHours(2)).toString()));
        assertThat(window.status()).isEqualTo(400);
        assertThat(f.dispatch(number, new JsonObject().put("technicianId", near).put("extra", 1))
                        .status())
                .isEqualTo(400);
        assertThat(f.dispatch("123", new JsonObject().put("technicianId", near)).status())
                .isEqualTo(404);
        // nothing was dispatched by the refused orders
        assertThat(f.request(number).getJsonArray("visits")).isEmpty();
        assertThat(f.request(number).getString("escalation")).isEqualTo("phone");
        Response ok =
                f.dispatch(number, new JsonObject().put("technicianId", far).put("allowOtherRegion", true));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(f.dispatch(number, new JsonObject().put("technicianId", near))
                        .status())
                .isEqualTo(409);
        // the appointment can be agreed later: then the SMS and the appointment clock
        String visit = ok.json().getString("id");
        Response appointment = f.engine.put(
                "/api/v1/visits/" + visit + "/appointment",
                new JsonObject()
                        .put("appointmentStart", now.plus(Duration.ofHours(1)).toString())
                        .put("appointmentEnd", now.plus(Duration.ofHours(2)).toString()));
        assertThat(appointment.status()).as(appointment.body()).isEqualTo(200);
        assertThat(f.request(number).getJsonObject("clocks").getJsonObject("appointment"))
                .isNotNull();
        // a technician with a visit in progress cannot be deleted
        assertThat(f.engine
                        .send("DELETE", "/api/v1/technicians/" + far, null, f.engine.adminToken())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void simultaneousDispatchesOfOneRequestMakeOneVisit() throws Exception {
        String phone = DispatchFixture.mobile();
        f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        java.util.List<String> crew = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> f.technician("Crew " + i, DispatchFixture.mobile(), "capital", true))
                .toList();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<Integer>> replies = crew.stream()
                    .map(t -> pool.submit(() -> {
                        go.await();
                        return f.dispatch(number, new JsonObject().put("technicianId", t))
                                .status();
                    }))
                    .toList();
            go.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : replies) statuses.add(r.get());
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        }
        assertThat(f.request(number).getJsonArray("visits")).hasSize(1);
    }

    @Test
    void aReportIsAddedByApiAfterArrivalAndShowsInTheHistory() {
        String phone = DispatchFixture.mobile();
        f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        String mobile = DispatchFixture.mobile();
        String tech = f.technician("Reporter", mobile, "capital", true);
        Instant now = f.clock.instant();
        String visit = f.dispatch(number, tech, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
        Response early = f.engine.post("/api/v1/visits/" + visit + "/report", new JsonObject().put("text", "x"));
        assertThat(early.status()).isEqualTo(422);
        f.text(mobile, "ARRIVE " + number);
        Response r =
                f.engine.post("/api/v1/visits/" + visit + "/report", new JsonObject().put("text", "bearing replaced"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("report")).isEqualTo("bearing replaced");
        assertThat(f.engine
                        .post("/api/v1/visits/nope/report", new JsonObject().put("text", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(f.engine
                        .post("/api/v1/visits/" + visit + "/report", new JsonObject())
                        .status())
                .isEqualTo(400);
        assertThat(f.historyTypes(number)).contains("visit_report");
        JsonArray visits = f.engine.get("/api/v1/tickets/" + number + "/visits").array();
        assertThat(visits.getJsonObject(0).getString("report")).isEqualTo("bearing replaced");
    }

    @Test
    void anUndeliveredSmsAboutARequestShowsOnItIsCountedAndPublished() {
        String phone = DispatchFixture.mobile();
        f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        String tech = f.technician("Sender", DispatchFixture.mobile(), "capital", true);
        Instant now = f.clock.instant();
        String visit = f.dispatch(number, tech, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
        String key =
                "visit:" + visit + ":assigned:" + now.plus(Duration.ofHours(1)).toEpochMilli();
        Await.until("sent", Duration.ofSeconds(20), () -> {
            f.clock.advance(Duration.ofMillis(200));
            return f.outbox(key).map(m -> m.status() == SmsStatus.SENT).orElse(false);
        });
        OutboxMessage m = f.outbox(key).orElseThrow();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", m.sid());
        p.put("MessageStatus", "undelivered");
        p.put("ErrorCode", "30034");
        p.put("AccountSid", TwilioFake.ACCOUNT_SID);
        assertThat(f.twilio.post("/webhooks/twilio/status", p).status()).isEqualTo(200);
        Await.until(
                "failure on the request",
                Duration.ofSeconds(10),
                () -> f.historyTypes(number).contains("sms_failed"));
        JsonObject entry = f.request(number).getJsonArray("history").stream()
                .map(o -> (JsonObject) o)
                .filter(e -> e.getString("type").equals("sms_failed"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.getString("text")).contains("30034", "undelivered").doesNotContain(phone);
        JsonObject event = smsFailed.stream()
                .filter(e -> key.equals(e.getString("messageId")))
                .findFirst()
                .orElseThrow();
        assertThat(event.getString("ticketId")).isEqualTo(number);
        assertThat(event.getInteger("errorCode")).isEqualTo(30034);
        assertThat(event.getString("status")).isEqualTo("undelivered");
        assertThat(event.getString("to")).contains("*").isNotEqualTo(phone);
        assertThat(f.engine.get("/metrics").body()).contains("callcenter_sms_failed_total{code=\"30034\"");
        // a replayed callback adds nothing
        f.twilio.post("/webhooks/twilio/status", p);
        assertThat(f.historyTypes(number).stream().filter("sms_failed"::equals)).hasSize(1);
    }
}
