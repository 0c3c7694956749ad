package org.callcenter.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The clock state machine and its arithmetic; pure (no I/O). Every transition returns the new clock,
 * or empty when the event does not apply in the clock's state (resume without pause, stop after
 * stop): such events are ignored by the caller and logged.
 */
public final class ClockPlanner {
    private final BusinessCalendar calendar;

    public ClockPlanner(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** Starts a clock at {@code at}; {@code agreedDue} is the agreed time (appointments), else null. */
    public SlaClock start(
            ClockName name, Counting counting, Duration budget, int warnPercent, Instant at, Instant agreedDue) {
        Instant due = agreedDue != null ? agreedDue : due(counting, budget, at);
        Duration total = elapsed(counting, at, due);
        Instant warnAt = advance(counting, at, percent(total, warnPercent));
        return new SlaClock(
                name,
                counting,
                agreedDue != null ? Duration.between(at, agreedDue) : budget,
                warnPercent,
                at,
                due,
                warnAt,
                ClockState.RUNNING,
                null,
                Duration.ZERO,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                1,
                0);
    }

    /** The due instant of a budget started at {@code at}, before any pause. */
    public Instant due(Counting counting, Duration budget, Instant at) {
        return counting == Counting.WORKING_DAYS
                ? calendar.addWorkingDays(at, (int) budget.toDays())
                : advance(counting, at, budget);
    }

    /** A pause stops counting at {@code at}: the counting time left is kept. */
    public Optional<SlaClock> pause(SlaClock c, Instant at) {
        if (c.state() != ClockState.RUNNING) return Optional.empty();
        Duration remaining = elapsed(c.counting(), at, c.due());
        Duration warnRemaining = c.warnedAt() == null ? elapsed(c.counting(), at, c.warnAt()) : null;
        return Optional.of(
                c.with(ClockState.PAUSED, c.due(), c.warnAt(), at, c.pausedTotal(), remaining, warnRemaining, null));
    }

    /** Resuming at {@code at} continues with the counting time that was left at the pause. */
    public Optional<SlaClock> resume(SlaClock c, Instant at) {
        if (c.state() != ClockState.PAUSED) return Optional.empty();
        Instant from = at.isBefore(c.pausedAt()) ? c.pausedAt() : at;
        Instant due = advance(c.counting(), from, c.remaining());
        Instant warnAt = c.warnRemaining() == null ? c.warnAt() : advance(c.counting(), from, c.warnRemaining());
        Duration paused = c.pausedTotal().plus(Duration.between(c.pausedAt(), from));
        return Optional.of(c.with(ClockState.RUNNING, due, warnAt, null, paused, null, null, null));
    }

    /** The awaited event happened: met if the clock had not breached; a breached clock stays breached. */
    public Optional<SlaClock> stop(SlaClock c, Instant at) {
        if (c.stoppedAt() != null || c.state() == ClockState.CANCELLED || c.state() == ClockState.MET)
            return Optional.empty();
        if (c.state() == ClockState.BREACHED)
            return Optional.of(c.with(ClockState.BREACHED, c.due(), c.warnAt(), null, c.pausedTotal(), null, null, at));
        Duration paused = c.state() == ClockState.PAUSED
                ? c.pausedTotal().plus(Duration.between(c.pausedAt(), at.isBefore(c.pausedAt()) ? c.pausedAt() : at))
                : c.pausedTotal();
        // met when stopped by the due instant (a paused clock cannot run out)
        boolean late = c.state() == ClockState.RUNNING && at.isAfter(c.due());
        ClockState end = late ? ClockState.BREACHED : ClockState.MET;
        SlaClock stopped = c.with(end, c.due(), c.warnAt(), null, paused, null, null, at);
        return Optional.of(late ? stopped.breached() : stopped);
    }

    /** The clock no longer applies (severity changed, request transferred). */
    public Optional<SlaClock> cancel(SlaClock c, Instant at) {
        if (!c.state().open()) return Optional.empty();
        return Optional.of(c.with(ClockState.CANCELLED, c.due(), c.warnAt(), null, c.pausedTotal(), null, null, at));
    }

    /** Counting time left at {@code now} (zero once due; the stored remainder while paused). */
    public Duration remaining(SlaClock c, Instant now) {
        return switch (c.state()) {
            case PAUSED -> c.remaining();
            case RUNNING -> elapsed(c.counting(), now, c.due());
            default -> Duration.ZERO;
        };
    }

    Duration elapsed(Counting counting, Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        return counting == Counting.WALL_CLOCK ? Duration.between(from, to) : calendar.workingTimeBetween(from, to);
    }

    Instant advance(Counting counting, Instant from, Duration amount) {
        return counting == Counting.WALL_CLOCK ? from.plus(amount) : calendar.addWorkingTime(from, amount);
    }

    private static Duration percent(Duration total, int percent) {
        return Duration.ofMillis(total.toMillis() * percent / 100);
    }
}
