package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcenter.sla.BusinessCalendarTest.cn;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock state machine: start, warn instant, pause/resume, met early, late stop, out-of-order events. */
class ClockPlannerTest {
    final ClockPlanner planner = new ClockPlanner(BusinessCalendarTest.CHINA);

    SlaClock resolve(Instant at) {
        return planner.start(ClockName.RESOLVE, Counting.WORKING_HOURS, Duration.ofHours(8), 80, at, null);
    }

    @Test
    void startPlansDueAndWarningInWorkingHours() {
        SlaClock c = resolve(cn("2026-03-09T10:00"));
        assertThat(c.state()).isEqualTo(ClockState.RUNNING);
        assertThat(c.due()).isEqualTo(cn("2026-03-10T10:00"));
        // 80% of 8 h = 6 h 24 min of opening time: 10-12, 13-17:24
        assertThat(c.warnAt()).isEqualTo(cn("2026-03-09T17:24"));
    }

    @Test
    void aPauseOverTheNightKeepsTheRemainingWorkingTime() {
        SlaClock c = resolve(cn("2026-03-09T10:00"));
        SlaClock paused = planner.pause(c, cn("2026-03-09T11:30")).orElseThrow();
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.remaining()).isEqualTo(Duration.ofMinutes(390));
        assertThat(planner.remaining(paused, cn("2026-03-10T08:00"))).isEqualTo(Duration.ofMinutes(390));
        SlaClock resumed = planner.resume(paused, cn("2026-03-10T09:00")).orElseThrow();
        assertThat(resumed.due()).isEqualTo(cn("2026-03-10T16:30"));
        assertThat(resumed.pausedTotal()).isEqualTo(Duration.ofHours(21).plusMinutes(30));
        assertThat(resumed.plan()).isGreaterThan(paused.plan());
    }

    @Test
    void outOfOrderEventsAreNotApplied() {
        SlaClock c = resolve(cn("2026-03-09T10:00"));
        assertThat(planner.resume(c, cn("2026-03-09T11:00"))).isEmpty();
        SlaClock met = planner.stop(c, cn("2026-03-09T11:00")).orElseThrow();
        assertThat(planner.stop(met, cn("2026-03-09T12:00"))).isEmpty();
        assertThat(planner.pause(met, cn("2026-03-09T12:00"))).isEmpty();
        assertThat(planner.cancel(met, cn("2026-03-09T12:00"))).isEmpty();
    }

    @Test
    void metEarlyIsMetAndAStopAfterTheDueIsABreach() {
        SlaClock c = resolve(cn("2026-03-09T10:00"));
        SlaClock met = planner.stop(c, cn("2026-03-09T15:00")).orElseThrow();
        assertThat(met.state()).isEqualTo(ClockState.MET);
        assertThat(TimerRef.of("1", met)).isEmpty();
        SlaClock late = planner.stop(c, cn("2026-03-10T11:00")).orElseThrow();
        assertThat(late.state()).isEqualTo(ClockState.BREACHED);
        // the late breach is still announced once, through a timer of the new plan
        assertThat(TimerRef.of("1", late)).extracting(TimerRef::kind).containsExactly(TimerKind.BREACH);
        SlaClock breached = c.breached();
        SlaClock stoppedAfterBreach =
                planner.stop(breached, cn("2026-03-10T12:00")).orElseThrow();
        assertThat(stoppedAfterBreach.state()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void wallClockBudgetsAcrossDaylightSavingAreRealHours() {
        ClockPlanner berlin = new ClockPlanner(BusinessCalendarTest.GERMANY);
        Instant start = BusinessCalendarTest.de("2026-03-28T12:00");
        SlaClock c =
                berlin.start(ClockName.COMPLAINT_ON_SCENE, Counting.WALL_CLOCK, Duration.ofHours(24), 80, start, null);
        assertThat(c.due()).isEqualTo(BusinessCalendarTest.de("2026-03-29T13:00"));
        assertThat(c.warnAt()).isEqualTo(start.plus(Duration.ofMinutes(1152)));
    }

    @Test
    void workingDaysClockPausedAndResumed() {
        SlaClock c = planner.start(
                ClockName.SOLUTION, Counting.WORKING_DAYS, Duration.ofDays(3), 80, cn("2026-09-29T10:00"), null);
        // Tue 29 Sep + 3 working days: Wed 30 Sep, Thu 8 Oct, Fri 9 Oct (National Day in between)
        assertThat(c.due()).isEqualTo(cn("2026-10-09T10:00"));
        SlaClock paused = planner.pause(c, cn("2026-09-30T10:00")).orElseThrow();
        SlaClock resumed = planner.resume(paused, cn("2026-10-08T10:00")).orElseThrow();
        // two working days were left; they count from the resume: Fri 9 Oct, Sat 10 Oct (make-up day)
        assertThat(resumed.due()).isEqualTo(cn("2026-10-10T10:00"));
    }
}
