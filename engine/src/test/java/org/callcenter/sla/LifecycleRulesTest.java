package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.sla.BusinessCalendarTest.cn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callcenter.tickets.Channel;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

/** The lifecycle clocks derived from the stored request: idempotent, whatever order events came in. */
class LifecycleRulesTest {
    final ClockPlanner planner = new ClockPlanner(BusinessCalendarTest.CHINA);
    final LifecycleRules rules = new LifecycleRules(
            planner,
            (name, at) -> name == ClockName.SOLUTION
                    ? planner.start(name, Counting.WORKING_DAYS, Duration.ofDays(3), 80, at, null)
                    : planner.start(
                            name,
                            Counting.WORKING_HOURS,
                            Duration.ofHours(name == ClockName.FEEDBACK ? 1 : 8),
                            80,
                            at,
                            null));

    static Ticket ticket(Severity severity, TicketStatus status, Instant feedbackAt, List<TicketEvent> history) {
        Instant opened = cn("2026-03-09T10:00");
        List<TicketEvent> all = new ArrayList<>();
        all.add(new TicketEvent(opened, "agent", TicketEvent.CREATED, null, List.of()));
        all.addAll(history);
        return new Ticket(
                "10000001",
                null,
                null,
                "Zhang",
                "+8613900000000",
                "leak",
                null,
                severity,
                "d",
                Channel.PHONE,
                Escalation.PHONE,
                status,
                null,
                opened,
                "agent",
                feedbackAt,
                null,
                null,
                all.get(all.size() - 1).at(),
                all.size(),
                all);
    }

    static TicketEvent change(String at, String field, String from, String to) {
        return new TicketEvent(
                cn(at), "agent", TicketEvent.UPDATED, null, List.of(new TicketEvent.Change(field, from, to)));
    }

    /** Applies the ops as SlaService does; returns how many changed something. */
    int apply(Ticket t, Map<ClockName, SlaClock> clocks) {
        int changed = 0;
        for (LifecycleRules.Op op : rules.reconcile(t, Map.copyOf(clocks))) {
            SlaClock before = clocks.get(op.clock());
            Optional<SlaClock> after = op.apply().apply(before);
            if (after.isPresent()) {
                clocks.put(op.clock(), after.get().after(before));
                changed++;
            }
        }
        return changed;
    }

    @Test
    void reconcilingTwiceChangesNothingTheSecondTime() {
        Map<ClockName, SlaClock> clocks = new EnumMap<>(ClockName.class);
        Ticket waiting = ticket(
                Severity.GENERAL,
                TicketStatus.WAITING_ON_CUSTOMER,
                cn("2026-03-09T10:20"),
                List.of(change("2026-03-09T11:30", "status", "feedback_given", "waiting_on_customer")));
        assertThat(apply(waiting, clocks)).isPositive();
        assertThat(clocks.get(ClockName.FEEDBACK).state()).isEqualTo(ClockState.MET);
        assertThat(clocks.get(ClockName.RESOLVE).state()).isEqualTo(ClockState.PAUSED);
        assertThat(clocks.get(ClockName.RESOLVE).pausedAt()).isEqualTo(cn("2026-03-09T11:30"));
        assertThat(apply(waiting, clocks)).isZero();
    }

    @Test
    void aResumeWithoutAPauseSeenIsIgnored() {
        // the engine saw the request only after it had been paused and resumed: resume needs a pause
        Map<ClockName, SlaClock> clocks = new EnumMap<>(ClockName.class);
        apply(ticket(Severity.GENERAL, TicketStatus.REGISTERED, null, List.of()), clocks);
        Ticket resumed = ticket(
                Severity.GENERAL,
                TicketStatus.IN_PROGRESS,
                null,
                List.of(
                        change("2026-03-09T11:00", "status", "registered", "waiting_on_customer"),
                        change("2026-03-10T09:00", "status", "waiting_on_customer", "in_progress")));
        apply(resumed, clocks);
        // never paused here, so there is nothing to resume: the clock keeps running from registration
        assertThat(clocks.get(ClockName.RESOLVE).state()).isEqualTo(ClockState.RUNNING);
        assertThat(apply(resumed, clocks)).isZero();
    }

    @Test
    void severityChangesReplanTheClocks() {
        Map<ClockName, SlaClock> clocks = new EnumMap<>(ClockName.class);
        apply(ticket(Severity.GENERAL, TicketStatus.REGISTERED, null, List.of()), clocks);
        Ticket complex = ticket(
                Severity.COMPLEX,
                TicketStatus.IN_PROGRESS,
                null,
                List.of(change("2026-03-09T14:00", "severity", "general", "complex")));
        apply(complex, clocks);
        assertThat(clocks.get(ClockName.RESOLVE).state()).isEqualTo(ClockState.CANCELLED);
        assertThat(clocks.get(ClockName.SOLUTION).startedAt()).isEqualTo(cn("2026-03-09T14:00"));
        assertThat(clocks.get(ClockName.SOLUTION).due()).isEqualTo(cn("2026-03-12T14:00"));
        Ticket general = ticket(
                Severity.GENERAL,
                TicketStatus.IN_PROGRESS,
                null,
                List.of(
                        change("2026-03-09T14:00", "severity", "general", "complex"),
                        change("2026-03-09T15:00", "severity", "complex", "general")));
        apply(general, clocks);
        assertThat(clocks.get(ClockName.SOLUTION).state()).isEqualTo(ClockState.CANCELLED);
        assertThat(clocks.get(ClockName.RESOLVE).state()).isEqualTo(ClockState.RUNNING);
        assertThat(clocks.get(ClockName.RESOLVE).due()).isEqualTo(cn("2026-03-10T10:00"));
        assertThat(apply(general, clocks)).isZero();
    }
}
