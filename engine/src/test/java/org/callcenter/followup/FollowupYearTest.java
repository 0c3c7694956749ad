package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated 2026 with a moving clock: every day the planner runs at night, and an agent works the
 * shared list in the morning. Calls land inside calling hours on working days only, every customer is
 * called in every quarter exactly once for "quarterly", first installations are called within their
 * month, every visit within 2 working days and every delivery within a week (deduplicated into the
 * customer's one follow-up of the quarter), a customer never has two open follow-ups, and
 * re-planning the same day changes nothing.
 */
class FollowupYearTest {
    static final int CUSTOMERS = 24;
    final FollowupFixture f = new FollowupFixture(Map.of());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aYearOfPlanningAndCalling() {
        for (int c = 0; c < CUSTOMERS; c++) {
            LocalDate first = LocalDate.of(2026, 1, 1).plusDays(c * 15L);
            f.customer("c" + c, "+861380000" + (1000 + c), first, first.plusDays(40));
        }
        f.callback("cb1", "+8613800001003", f.at("2026-05-01T20:00")); // a holiday evening
        // a technician leaves c5 on the 10th of every month at 15:00; c7 gets a delivery on every 20th
        Map<String, Instant> dueBy = new HashMap<>();
        for (int m = 1; m <= 12; m++) {
            Instant left = f.at(LocalDate.of(2026, m, 10) + "T15:00");
            f.repository.departed("c5", new CustomerFacts.Departed("v" + m, "S" + m, left), "tech", "given");
            dueBy.put("visit:v" + m, f.calendar.addWorkingDays(left, 2));
            Instant delivered = f.at(LocalDate.of(2026, m, 20) + "T11:00");
            f.repository.addDelivery(new Delivery("d" + m, "c7", null, "pump", delivered, null, "admin", delivered));
            dueBy.put("delivery:d" + m, delivered.plus(java.time.Duration.ofDays(7)));
        }
        Map<String, Instant> reachedFor = new HashMap<>();
        List<FollowUp.Attempt> calls = new ArrayList<>();
        Map<String, Instant> reachedFirstInstallation = new HashMap<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            f.clock.set(f.at(day + "T02:00"));
            f.planner.planAll();
            assertThat(f.planner.planAll()).as("re-planning %s", day).isZero();
            assertAtMostOneOpenPerCustomer();
            for (String time : List.of("T09:30", "T13:30", "T20:00")) {
                f.clock.set(f.at(day + time));
                var shared = f.service.list("agent7").shared();
                if (!f.calendar.nextOpening(f.clock.instant()).equals(f.clock.instant())) {
                    assertThat(shared)
                            .as("nothing callable at night or on a holiday: %s%s", day, time)
                            .isEmpty();
                    continue;
                }
                for (FollowUp due : shared) {
                    f.service.claim(due.id(), "agent7");
                    FollowUp done =
                            f.service.record(due.id(), "agent7", Outcome.REACHED, null, Map.of("q", "ok"), null);
                    calls.add(done.attempts().getLast());
                    due.pending().forEach(r -> reachedFor.put(r.key(), f.clock.instant()));
                    if (due.pending().stream().anyMatch(r -> r.reason() == Reason.FIRST_INSTALLATION))
                        reachedFirstInstallation.put(due.customerId(), f.clock.instant());
                }
            }
        }
        for (FollowUp.Attempt call : calls) {
            assertThat(f.calendar.nextOpening(call.at()))
                    .as("call at %s inside calling hours", call.at())
                    .isEqualTo(call.at());
        }
        assertThat(reachedFirstInstallation).hasSize(CUSTOMERS);
        dueBy.forEach((key, by) -> assertThat(reachedFor.get(key))
                .as("%s reached by %s", key, by)
                .isNotNull()
                .isBeforeOrEqualTo(by));
        for (int c = 0; c < CUSTOMERS; c++) {
            LocalDate first = LocalDate.of(2026, 1, 1).plusDays(c * 15L);
            assertThat(reachedFirstInstallation.get("c" + c)).isBefore(f.at(first.plusDays(31) + "T00:00"));
        }
        for (String q : List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")) {
            List<FollowUp> ofQuarter = f.repository.ofQuarter(q);
            assertThat(ofQuarter).as(q).hasSize(CUSTOMERS);
            assertThat(ofQuarter).allSatisfy(x -> {
                assertThat(x.covered()).containsOnlyOnce("quarterly:" + q);
                assertThat(x.status()).isEqualTo(FollowupStatus.DONE);
                assertThat(x.answers()).containsEntry("q", "ok");
            });
        }
        FollowUp withCallback = f.repository.find("c3:2026-Q2").orElseThrow();
        assertThat(withCallback.covered()).contains("callback:cb1", "quarterly:2026-Q2");
        var cb = f.store
                .database()
                .getCollection("callbacks")
                .find(new org.bson.Document("_id", "cb1"))
                .first();
        assertThat(cb.getString("status"))
                .as("the call-back is closed once the customer was reached")
                .isEqualTo("done");
        assertThat(cb.getString("doneBy")).isEqualTo("followup:c3:2026-Q2");
    }

    private void assertAtMostOneOpenPerCustomer() {
        Map<String, Integer> open = new HashMap<>();
        for (FollowUp x : f.repository.open()) open.merge(x.customerId(), 1, Integer::sum);
        assertThat(open.values()).allMatch(n -> n == 1);
    }
}
