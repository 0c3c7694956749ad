package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callcenter.screenpop.ScreenPopEvents;
import org.callcenter.sms.OutboxMessage;
import org.callcenter.support.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SERVICE-RULES §4 end to end: dispatch, appointment SMS, ARRIVE on a moved clock, DEPART, YES, rating. */
class DispatchFlowTest {
    static DispatchFixture f;
    static final Queue<JsonObject> arrived = new ConcurrentLinkedQueue<>();
    static final Queue<JsonObject> departed = new ConcurrentLinkedQueue<>();
    static final Queue<JsonObject> rated = new ConcurrentLinkedQueue<>();
    static final Queue<String> supervisors = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        f = new DispatchFixture("dispatch-flow", Instant.parse("2026-03-09T02:00:00Z"));
        var bus = f.engine.engine().vertx().eventBus();
        bus.<JsonObject>consumer(DispatchEvents.ARRIVED, m -> arrived.add(m.body()));
        bus.<JsonObject>consumer(DispatchEvents.DEPARTED, m -> departed.add(m.body()));
        bus.<JsonObject>consumer(DispatchEvents.RATED, m -> rated.add(m.body()));
        bus.<String>consumer(ScreenPopEvents.SUPERVISORS, m -> supervisors.add(m.body()));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    record Case(
            String customerPhone,
            String customerId,
            String number,
            String techMobile,
            String techId,
            JsonObject visit) {}

    /** A customer in the capital, a request, a technician there, dispatched for [now+1h, now+2h]. */
    static Case dispatched(String tech) {
        String phone = DispatchFixture.mobile();
        String customerId = f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        String mobile = DispatchFixture.mobile();
        String techId = f.technician(tech, mobile, "capital", true, "pumps");
        Instant now = f.clock.instant();
        JsonObject visit = f.dispatch(number, techId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        return new Case(phone, customerId, number, mobile, techId, visit);
    }

    static JsonObject clock(String number, String name) {
        return f.request(number).getJsonObject("clocks").getJsonObject(name);
    }

    @Test
    void dispatchEscalatesAssignsTextsTheCustomerAndStartsBothClocks() {
        Case c = dispatched("Li Wei");
        JsonObject request = f.request(c.number());
        assertThat(request.getString("escalation")).isEqualTo("onsite");
        assertThat(request.getString("feedbackAt")).isNotNull();
        assertThat(request.getJsonArray("visits")).hasSize(1);
        assertThat(clock(c.number(), "onsite_arrival").getString("state")).isEqualTo("running");
        JsonObject appointment = clock(c.number(), "appointment");
        assertThat(appointment.getString("state")).isEqualTo("running");
        assertThat(Instant.parse(appointment.getString("due")))
                .isEqualTo(Instant.parse(c.visit().getString("appointmentEnd")));
        assertThat(f.historyTypes(c.number())).contains("dispatched", "appointment", "feedback");
        String key = "visit:" + c.visit().getString("id") + ":assigned:"
                + Instant.parse(c.visit().getString("appointmentStart")).toEpochMilli();
        OutboxMessage sms = f.outbox(key).orElseThrow();
        assertThat(sms.to()).isEqualTo(c.customerPhone());
        assertThat(sms.ticketId()).isEqualTo(c.number());
        assertThat(sms.body()).contains(c.number(), "Li Wei", "2026-03-09 11:00-12:00");
        Await.until("the SMS reaches Twilio", Duration.ofSeconds(20), () -> {
            f.clock.advance(Duration.ofMillis(200));
            return f.fake.messages().stream().anyMatch(m -> m.body().equals(sms.body()));
        });
    }

    @Test
    void aLateArrivalIsRecordedWithMinutesLateStopsTheClocksAndTellsTheCustomer() {
        Case c = dispatched("Wang Fang");
        Instant end = Instant.parse(c.visit().getString("appointmentEnd"));
        f.clock.set(end.plus(Duration.ofMinutes(12)));
        String reply = f.text(c.techMobile(), "  arrive   " + c.number() + " ").body();
        assertThat(reply).contains("12 min late");
        JsonObject v = f.visit(c.visit().getString("id"));
        assertThat(v.getBoolean("punctual")).isFalse();
        assertThat(v.getInteger("minutesLate")).isEqualTo(12);
        assertThat(Instant.parse(v.getString("arrivedAt"))).isEqualTo(end.plus(Duration.ofMinutes(12)));
        assertThat(clock(c.number(), "appointment").getString("stoppedAt")).isNotNull();
        assertThat(clock(c.number(), "onsite_arrival").getString("stoppedAt")).isNotNull();
        assertThat(f.outbox("visit:" + v.getString("id") + ":arrived")
                        .orElseThrow()
                        .body())
                .contains("Wang Fang has arrived");
        Await.until(
                "arrived event",
                Duration.ofSeconds(10),
                () -> arrived.stream()
                        .anyMatch(e -> e.getString("visitId").equals(v.getString("id"))
                                && e.getInteger("minutesLate") == 12
                                && !e.getBoolean("punctual")));
        assertThat(f.engine.get("/metrics").body())
                .contains("callcenter_dispatch_arrivals_total{punctuality=\"late\"}");
        // a second ARRIVE changes nothing
        assertThat(f.text(c.techMobile(), "ARRIVE " + c.number()).body()).contains("already recorded");
        assertThat(f.visit(v.getString("id")).getString("arrivedAt")).isEqualTo(v.getString("arrivedAt"));
    }

    @Test
    void anArrivalInsideTheWindowIsPunctualAndMeetsBothClocks() {
        Case c = dispatched("Zhao Min");
        var complaint =
                f.engine.post("/api/v1/tickets/" + c.number() + "/clocks/complaint_on_scene/start", new JsonObject());
        assertThat(complaint.status()).as(complaint.body()).isLessThan(300);
        f.clock.set(Instant.parse(c.visit().getString("appointmentStart")).plus(Duration.ofMinutes(30)));
        assertThat(f.text(c.techMobile(), "Arrive " + c.number()).body()).contains("on time");
        JsonObject v = f.visit(c.visit().getString("id"));
        assertThat(v.getBoolean("punctual")).isTrue();
        assertThat(v.getInteger("minutesLate")).isZero();
        assertThat(clock(c.number(), "appointment").getString("state")).isEqualTo("met");
        assertThat(clock(c.number(), "onsite_arrival").getString("state")).isEqualTo("met");
        assertThat(clock(c.number(), "complaint_on_scene").getString("state")).isEqualTo("met");
    }

    @Test
    void departBeforeConsentIsPendingForSupervisorsThenYesCompletesItAndTheRatingFollows() {
        Case c = dispatched("Chen Jie");
        String id = c.visit().getString("id");
        f.text(c.techMobile(), "ARRIVE " + c.number());
        String reply = f.text(c.techMobile(), "DEPART " + c.number() + " replaced the pump seal")
                .body();
        assertThat(reply).contains("pending");
        JsonObject v = f.visit(id);
        assertThat(v.getString("consent")).isEqualTo("pending");
        assertThat(v.getString("report")).isEqualTo("replaced the pump seal");
        assertThat(f.engine.get("/api/v1/visits/pending-consent").array().stream()
                        .map(o -> ((JsonObject) o).getString("id")))
                .contains(id);
        assertThat(f.outbox("visit:" + id + ":consent")).isPresent();
        Await.until(
                "supervisor pop",
                Duration.ofSeconds(10),
                () -> supervisors.stream()
                        .anyMatch(s -> s.contains(DispatchEvents.POP_PENDING_CONSENT) && s.contains(id)));
        Await.until(
                "departed event",
                Duration.ofSeconds(10),
                () -> departed.stream()
                        .anyMatch(e -> e.getString("visitId").equals(id)
                                && e.getString("consent").equals("pending")));

        assertThat(f.text(c.customerPhone(), " yes ").body()).contains("Thank you for confirming");
        assertThat(f.visit(id).getString("consent")).isEqualTo("given");
        assertThat(f.engine.get("/api/v1/visits/pending-consent").body()).doesNotContain(id);
        assertThat(f.outbox("visit:" + id + ":rate")).isPresent();

        assertThat(f.text(c.customerPhone(), "4").body()).contains("4/5");
        JsonObject rated1 = f.visit(id);
        assertThat(rated1.getInteger("rating")).isEqualTo(4);
        assertThat(rated1.getString("ratedAt")).isNotNull();
        Await.until(
                "rated event",
                Duration.ofSeconds(10),
                () -> rated.stream()
                        .anyMatch(e -> e.getString("visitId").equals(id)
                                && e.getInteger("rating") == 4
                                && e.getString("technicianId").equals(c.techId())));
        // a later digit finds no unrated visit: help, and the rating stays
        assertThat(f.text(c.customerPhone(), "1").body()).contains("could not match");
        assertThat(f.visit(id).getInteger("rating")).isEqualTo(4);
        assertThat(f.historyTypes(c.number()))
                .contains("visit_arrived", "visit_departed", "visit_report", "visit_consent", "visit_rated");
    }

    @Test
    void yesBeforeDepartureMakesTheDepartureCompleteAndAsksForTheRating() {
        Case c = dispatched("Sun Hao");
        String id = c.visit().getString("id");
        f.text(c.techMobile(), "ARRIVE " + c.number());
        assertThat(f.text(c.customerPhone(), "YES").body()).contains("technician will now sign off");
        assertThat(f.text(c.techMobile(), "depart " + c.number()).body()).contains("recorded. Thank you");
        JsonObject v = f.visit(id);
        assertThat(v.getString("consent")).isEqualTo("given");
        assertThat(v.getString("departedAt")).isNotNull();
        assertThat(f.outbox("visit:" + id + ":rate")).isPresent();
        assertThat(f.outbox("visit:" + id + ":consent")).isEmpty();
        // a rating before departure would have been refused; now it counts
        assertThat(f.text(c.customerPhone(), "5").body()).contains("5/5");
    }

    @Test
    void aCustomersOtherTextIsANoteOnTheRequestAndGetsHelp() {
        Case c = dispatched("Hu Lan");
        String reply = f.text(c.customerPhone(), "Can he come earlier?").body();
        assertThat(reply).contains("Reply YES", "1-5");
        JsonObject last = f.request(c.number()).getJsonArray("history").stream()
                .map(o -> (JsonObject) o)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.getString("type")).isEqualTo("customer_sms");
        assertThat(last.getString("text")).isEqualTo("Can he come earlier?");
        // a rating before the visit is over is not taken, nor a YES before the technician came
        assertThat(f.text(c.customerPhone(), "3").body()).contains("once the visit is over");
        assertThat(f.text(c.customerPhone(), "YES").body()).contains("not arrived yet");
        JsonObject v = f.visit(c.visit().getString("id"));
        assertThat(v.getValue("rating")).isNull();
        assertThat(v.getString("consent")).isEqualTo("none");
    }

    @Test
    void aNumberWithNoVisitGetsTheHelpReplyAndNothingIsAttached() {
        assertThat(f.text(DispatchFixture.mobile(), "5").body()).contains("could not match your message to a visit");
    }

    @Test
    void theCallerHistoryShowsTheCustomersVisits() {
        Case c = dispatched("Ma Rui");
        f.text(c.techMobile(), "ARRIVE " + c.number());
        var r = f.engine.get("/api/v1/callers/" + c.customerPhone() + "/history");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject visit = r.json().getJsonArray("visits").getJsonObject(0);
        assertThat(visit.getString("ticketNumber")).isEqualTo(c.number());
        assertThat(visit.getString("technicianId")).isEqualTo(c.techId());
        assertThat(visit.getString("technicianName")).isEqualTo("Ma Rui");
        assertThat(visit.getString("arrivedAt")).isNotNull();
    }
}
