package org.callcenter.sla;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;

/** A clock as the API shows it: budget, counting mode, times, state and what is left now. */
public record ClockView(
        ClockName clock,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration budget,
        Counting counting,
        ClockState state,
        Instant startedAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration pausedTime,
        Instant due,
        Instant warnAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration remaining,
        Instant warnedAt,
        Instant breachedAt,
        Instant stoppedAt) {

    static ClockView of(SlaClock c, ClockPlanner planner, Instant now) {
        Duration paused = c.pausedTotal();
        if (c.state() == ClockState.PAUSED && c.pausedAt() != null && now.isAfter(c.pausedAt()))
            paused = paused.plus(Duration.between(c.pausedAt(), now));
        return new ClockView(
                c.name(),
                c.budget(),
                c.counting(),
                c.state(),
                c.startedAt(),
                paused,
                c.due(),
                c.warnAt(),
                planner.remaining(c, now),
                c.warnedAt(),
                c.breachedAt(),
                c.stoppedAt());
    }
}
