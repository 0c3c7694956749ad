package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The after-visit and after-delivery rules with a moving clock, deduplicated with the other reasons
 * into one call; and calling hours in the customer's own time zone.
 */
class FollowupVisitDeliveryTest {
    final FollowupFixture fx = new FollowupFixture(Map.of());

    @AfterEach
    void close() {
        fx.close();
    }

    void departed(String customer, String visit, String local) {
        assertThat(fx.repository.departed(
                        customer, new CustomerFacts.Departed(visit, "T-" + visit, fx.at(local)), "tech-1", "given"))
                .isTrue();
    }

    void delivered(String customer, String id, String local) {
        assertThat(fx.repository.addDelivery(
                        new Delivery(id, customer, null, "pump", fx.at(local), "DN-" + id, "admin", fx.at(local))))
                .isTrue();
    }

    FollowUp q1(String customer) {
        return fx.repository.find(customer + ":2026-Q1").orElseThrow();
    }

    @Test
    void aVisitAndADeliveryJoinTheOtherReasonsInOneCall() {
        fx.customer("c1", "+8613600000001", LocalDate.parse("2026-03-02"));
        fx.clock.set(fx.at("2026-03-10T10:00"));
        departed("c1", "v1", "2026-03-10T09:30");
        delivered("c1", "d1", "2026-03-09T15:00");
        assertThat(fx.planner.planAll()).isEqualTo(1);

        FollowUp f = q1("c1");
        assertThat(f.pending())
                .extracting(DueReason::reason)
                .containsExactlyInAnyOrder(
                        Reason.FIRST_INSTALLATION, Reason.QUARTERLY, Reason.AFTER_VISIT, Reason.AFTER_DELIVERY);
        DueReason visit = f.pending().stream()
                .filter(r -> r.reason() == Reason.AFTER_VISIT)
                .findFirst()
                .orElseThrow();
        assertThat(visit.dueBy()).isEqualTo(fx.at("2026-03-12T09:30")); // 2 working days after departure
        DueReason delivery = f.pending().stream()
                .filter(r -> r.reason() == Reason.AFTER_DELIVERY)
                .findFirst()
                .orElseThrow();
        assertThat(delivery.dueBy()).isEqualTo(fx.at("2026-03-16T15:00")); // a week after the delivery
        assertThat(f.dueBy()).isEqualTo(visit.dueBy());
        assertThat(f.questions())
                .contains("How was the technician's attitude?", "Did the delivery arrive complete and undamaged?")
                .doesNotHaveDuplicates();
        assertThat(fx.planner.planAll()).as("planning again changes nothing").isZero();

        fx.service.record(f.id(), "agent1", Outcome.REACHED, null, Map.of("Any suggestions?", "none"), null);
        fx.clock.set(fx.at("2026-03-20T16:00"));
        departed("c1", "v2", "2026-03-20T15:00");
        assertThat(fx.planner.planAll()).isEqualTo(1);
        FollowUp again = q1("c1");
        assertThat(again.status()).isEqualTo(FollowupStatus.OPEN);
        assertThat(again.pending()).extracting(DueReason::key).containsExactly("visit:v2");
        assertThat(fx.planner.planAll()).isZero();
    }

    @Test
    void visitsStoredByDispatchArePlannedOnceTheTechnicianLeft() {
        fx.customer("c3", "+8613600000004");
        fx.clock.set(fx.at("2026-03-10T10:00"));
        var visits = fx.store.database().getCollection("visits");
        visits.insertOne(new Document("_id", "dv1")
                .append("ticketNumber", "S-9")
                .append("customerId", "c3")
                .append("technicianId", "t1")
                .append("arrivedAt", java.util.Date.from(fx.at("2026-03-10T08:00")))
                .append("departedAt", java.util.Date.from(fx.at("2026-03-10T09:00")))
                .append("consent", "given"));
        visits.insertOne(new Document("_id", "dv2") // still on site
                .append("customerId", "c3")
                .append("arrivedAt", java.util.Date.from(fx.at("2026-03-10T09:30"))));
        // the same visit also heard on the event bus: one reason, not two
        departed("c3", "dv1", "2026-03-10T09:00");
        fx.planner.planAll();
        assertThat(q1("c3").pending())
                .extracting(DueReason::key)
                .containsExactlyInAnyOrder("quarterly:2026-Q1", "visit:dv1");
    }

    @Test
    void oldVisitsAndFutureDeliveriesAreNotPlanned() {
        fx.customer("c2", "+8613600000002");
        fx.clock.set(fx.at("2026-03-10T10:00"));
        departed("c2", "old", "2026-01-05T10:00"); // due 2026-01-07, more than 30 days late
        delivered("c2", "later", "2026-03-12T10:00");
        fx.planner.planAll();
        assertThat(q1("c2").pending()).extracting(DueReason::reason).containsExactly(Reason.QUARTERLY);
        fx.clock.set(fx.at("2026-03-12T11:00"));
        fx.planner.planAll();
        assertThat(q1("c2").pending())
                .extracting(DueReason::key)
                .containsExactlyInAnyOrder("quarterly:2026-Q1", "delivery:later");
    }

    @Test
    void aCustomerInAnotherZoneIsCalledInTheirOwnCallingHours() {
        fx.customer("sh", "+8613600000003");
        fx.customer("be", "+4930123456");
        fx.store
                .database()
                .getCollection("customers")
                .updateOne(new Document("_id", "be"), new Document("$set", new Document("timeZone", "Europe/Berlin")));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        fx.clock.set(fx.at("2026-03-10T10:00")); // 03:00 in Berlin: night there
        fx.planner.planAll();
        assertThat(q1("sh").callAt()).isEqualTo(fx.at("2026-03-10T10:00"));
        FollowUp be = q1("be");
        assertThat(be.callAt())
                .isEqualTo(
                        LocalDateTime.parse("2026-03-10T09:00").atZone(berlin).toInstant());
        assertThat(fx.service.callingHoursNow(be)).isFalse();
        assertThat(fx.service.callingHoursNow(q1("sh"))).isTrue();

        fx.clock.set(LocalDateTime.parse("2026-03-10T09:30").atZone(berlin).toInstant()); // 16:30 in Shanghai
        assertThat(fx.service.callingHoursNow(be)).isTrue();
        fx.clock.set(LocalDateTime.parse("2026-03-10T17:30").atZone(berlin).toInstant()); // 00:30 in Shanghai
        assertThat(fx.service.callingHoursNow(be)).isTrue();
        assertThat(fx.service.callingHoursNow(q1("sh"))).isFalse();
        fx.clock.set(LocalDateTime.parse("2026-05-01T10:00").atZone(berlin).toInstant()); // the calendar's holiday
        assertThat(fx.service.callingHoursNow(be)).isFalse();

        // "call later" and retries land inside Berlin's calling hours
        fx.clock.set(LocalDateTime.parse("2026-03-10T10:00").atZone(berlin).toInstant());
        FollowUp later = fx.service.record(
                be.id(),
                "agent1",
                Outcome.CALL_LATER,
                LocalDateTime.parse("2026-03-10T20:00").atZone(berlin).toInstant(),
                Map.of(),
                null);
        assertThat(later.callAt())
                .isEqualTo(
                        LocalDateTime.parse("2026-03-11T09:00").atZone(berlin).toInstant());
    }
}
