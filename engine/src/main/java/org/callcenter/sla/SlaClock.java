package org.callcenter.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a request, as stored with the request in MongoDB (the truth). {@code plan} changes
 * whenever the warn/breach instants change (start, pause, resume, stop, cancel): timers of an older
 * plan are stale. {@code rev} changes on every write (compare-and-set). {@code remaining} and
 * {@code warnRemaining} are the counting time left, kept while paused.
 */
public record SlaClock(
        ClockName name,
        Counting counting,
        Duration budget,
        int warnPercent,
        Instant startedAt,
        Instant due,
        Instant warnAt,
        ClockState state,
        Instant pausedAt,
        Duration pausedTotal,
        Duration remaining,
        Duration warnRemaining,
        Instant warnedAt,
        Instant breachedAt,
        Instant stoppedAt,
        boolean warnNotified,
        boolean breachNotified,
        long plan,
        long rev) {

    SlaClock with(
            ClockState state,
            Instant due,
            Instant warnAt,
            Instant pausedAt,
            Duration pausedTotal,
            Duration remaining,
            Duration warnRemaining,
            Instant stoppedAt) {
        return new SlaClock(
                name,
                counting,
                budget,
                warnPercent,
                startedAt,
                due,
                warnAt,
                state,
                pausedAt,
                pausedTotal,
                remaining,
                warnRemaining,
                warnedAt,
                breachedAt,
                stoppedAt,
                warnNotified,
                breachNotified,
                plan + 1,
                rev);
    }

    SlaClock warned(Instant at) {
        return new SlaClock(
                name,
                counting,
                budget,
                warnPercent,
                startedAt,
                due,
                warnAt,
                state,
                pausedAt,
                pausedTotal,
                remaining,
                warnRemaining,
                at,
                breachedAt,
                stoppedAt,
                false,
                breachNotified,
                plan,
                rev);
    }

    SlaClock breached() {
        return new SlaClock(
                name,
                counting,
                budget,
                warnPercent,
                startedAt,
                due,
                warnAt,
                ClockState.BREACHED,
                pausedAt,
                pausedTotal,
                remaining,
                warnRemaining,
                warnedAt,
                due,
                stoppedAt,
                warnNotified,
                false,
                plan,
                rev);
    }

    SlaClock notified(TimerKind kind) {
        return new SlaClock(
                name,
                counting,
                budget,
                warnPercent,
                startedAt,
                due,
                warnAt,
                state,
                pausedAt,
                pausedTotal,
                remaining,
                warnRemaining,
                warnedAt,
                breachedAt,
                stoppedAt,
                warnNotified || kind == TimerKind.WARN,
                breachNotified || kind == TimerKind.BREACH,
                plan,
                rev);
    }

    /** The same clock with the next revision number (every stored write bumps it). */
    public SlaClock nextRev() {
        return numbered(plan, rev + 1);
    }

    /** The same clock numbered to follow {@code before} (a new plan, the next revision). */
    public SlaClock after(SlaClock before) {
        long nextPlan = before == null ? plan : Math.max(plan, before.plan() + 1);
        long nextRev = before == null ? 0 : before.rev() + 1;
        return numbered(nextPlan, nextRev);
    }

    private SlaClock numbered(long newPlan, long newRev) {
        return new SlaClock(
                name,
                counting,
                budget,
                warnPercent,
                startedAt,
                due,
                warnAt,
                state,
                pausedAt,
                pausedTotal,
                remaining,
                warnRemaining,
                warnedAt,
                breachedAt,
                stoppedAt,
                warnNotified,
                breachNotified,
                newPlan,
                newRev);
    }

    /** Whether the warning timer still has to fire (or to be announced). */
    public boolean warnPending() {
        return state == ClockState.RUNNING && (warnedAt == null || !warnNotified);
    }

    /** Whether the breach timer still has to fire (or its breach to be announced). */
    public boolean breachPending() {
        return state == ClockState.RUNNING || (state == ClockState.BREACHED && !breachNotified);
    }
}
