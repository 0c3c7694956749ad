package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.callcenter.common.ConflictException;
import org.callcenter.common.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ownership with release to anyone, list order, outcomes and the retry policy; nothing is dropped. */
class FollowupOwnershipTest {
    final FollowupFixture f = new FollowupFixture(Map.of("FOLLOWUP_RELEASE_AFTER_MINUTES", "60"));

    @AfterEach
    void close() {
        f.close();
    }

    FollowUp planned(String customer, String phone) {
        f.customer(customer, phone, LocalDate.of(2026, 3, 2));
        f.clock.set(f.at("2026-03-09T02:00"));
        return f.planner.planAll() > 0 ? f.service.get(customer + ":2026-Q1") : null;
    }

    @Test
    void anOwnerKeepsItUntilReleasedToAnyone() {
        FollowUp fu = planned("c1", "+8613800002001");
        assertThat(fu.callAt()).isEqualTo(f.at("2026-03-09T09:00"));
        assertThat(fu.questions()).contains("Are you familiar with the product?", "Is the product working well?");
        f.clock.set(f.at("2026-03-09T10:00"));
        f.service.claim(fu.id(), "a1");
        assertThat(f.service.list("a1").mine()).extracting(FollowUp::id).containsExactly(fu.id());
        assertThat(f.service.list("a2").shared()).isEmpty();
        assertThatThrownBy(() -> f.service.claim(fu.id(), "a2")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.service.record(fu.id(), "a2", Outcome.REACHED, null, Map.of(), null))
                .isInstanceOf(ConflictException.class);
        f.clock.advance(Duration.ofMinutes(61));
        assertThat(f.service.list("a2").shared()).extracting(FollowUp::id).containsExactly(fu.id());
        f.service.claim(fu.id(), "a2");
        assertThat(f.service.list("a2").mine()).hasSize(1);
    }

    @Test
    void listsAreOrderedByDueThenPriority() {
        f.customer("early", "+8613800002002", LocalDate.of(2026, 2, 10)); // due 2026-03-13
        f.customer("late", "+8613800002003", LocalDate.of(2026, 3, 1)); // due 2026-04-01 with quarterly
        f.customer("plain", "+8613800002004"); // quarterly only: due 2026-04-01, lower priority
        f.clock.set(f.at("2026-03-09T02:00"));
        assertThat(f.planner.planAll()).isEqualTo(3);
        f.clock.set(f.at("2026-03-09T10:00"));
        assertThat(f.service.list("a1").shared())
                .extracting(FollowUp::customerId)
                .containsExactly("early", "late", "plain");
    }

    @Test
    void unansweredCallsAreRetriedInWorkingTimeThenKeptAsUnreachable() {
        FollowUp fu = planned("c1", "+8613800002001");
        f.clock.set(f.at("2026-03-09T16:00")); // Monday
        FollowUp once = f.service.record(fu.id(), "a1", Outcome.NO_ANSWER, null, Map.of(), null);
        assertThat(once.status()).isEqualTo(FollowupStatus.OPEN);
        assertThat(once.callAt()).isEqualTo(f.calendar.addWorkingTime(f.clock.instant(), f.config.retryAfter()));
        assertThat(f.service.list("a1").shared()).isEmpty();
        f.clock.set(once.callAt());
        FollowUp twice = f.service.record(fu.id(), "a1", Outcome.BUSY, null, Map.of(), null);
        f.clock.set(twice.callAt());
        FollowUp third = f.service.record(fu.id(), "a1", Outcome.NO_ANSWER, null, Map.of(), "third try");
        assertThat(third.status()).isEqualTo(FollowupStatus.UNREACHABLE);
        assertThat(f.service.get(fu.id()).attempts()).hasSize(3);
        assertThat(f.service.get(fu.id()).pending()).isNotEmpty();
    }

    @Test
    void callLaterMovesIntoCallingHoursAndAnswersAreStored() {
        FollowUp fu = planned("c1", "+8613800002001");
        f.clock.set(f.at("2026-03-09T10:00"));
        FollowUp later = f.service.record(fu.id(), "a1", Outcome.CALL_LATER, f.at("2026-03-09T22:00"), Map.of(), null);
        assertThat(later.callAt()).isEqualTo(f.at("2026-03-10T09:00"));
        assertThatThrownBy(() -> f.service.record(fu.id(), "a1", Outcome.CALL_LATER, null, Map.of(), null))
                .isInstanceOf(InvalidInputException.class);
        f.clock.set(later.callAt());
        FollowUp done = f.service.record(
                fu.id(), "a1", Outcome.REACHED, null, Map.of("Any suggestions?", "faster delivery"), null);
        assertThat(done.status()).isEqualTo(FollowupStatus.DONE);
        assertThat(f.service.get(fu.id()).answers()).containsEntry("Any suggestions?", "faster delivery");
        assertThat(f.planner.planAll()).isZero(); // reached this quarter: not called again for quarterly
    }

    @Test
    void anInvalidNumberKeepsTheFollowUp() {
        FollowUp fu = planned("c1", "+8613800002001");
        f.clock.set(f.at("2026-03-09T10:00"));
        FollowUp bad = f.service.record(fu.id(), "a1", Outcome.INVALID_NUMBER, null, Map.of(), "number not in service");
        assertThat(bad.status()).isEqualTo(FollowupStatus.NEEDS_NUMBER);
        assertThat(f.repository.find(fu.id())).isPresent();
        assertThat(f.planner.planAll()).isZero();
    }
}
