package org.callcenter.sla;

import java.time.Instant;

/**
 * One due timer handled: the clock as it is written back (marked announced) and what to announce.
 * {@link #decide} is the whole rule of a firing, shared by the one-by-one and the batch paths.
 */
record FiredTimer(TimerRef ref, SlaClock next, boolean wasRunning, Instant at) {

    /**
     * What handling {@code ref} does to the stored clock {@code c}; null when there is nothing to do
     * (no such clock, a timer of an older plan, or already announced).
     */
    static FiredTimer decide(TimerRef ref, SlaClock c, Instant now) {
        if (c == null || c.plan() != ref.plan()) return null; // stale: the clock was re-planned or stopped
        if (ref.kind() == TimerKind.WARN) {
            // a warning due before the breach is announced even when the breach was handled first
            boolean live = c.state() == ClockState.RUNNING || c.state() == ClockState.BREACHED;
            if (!live || c.warnNotified()) return null;
            SlaClock warned = (c.warnedAt() == null ? c.warned(now) : c).notified(TimerKind.WARN);
            return new FiredTimer(ref, warned.nextRev(), false, now);
        }
        boolean running = c.state() == ClockState.RUNNING;
        if (!running && (c.state() != ClockState.BREACHED || c.breachNotified())) return null;
        SlaClock breached = (running ? c.breached() : c).notified(TimerKind.BREACH);
        return new FiredTimer(ref, breached.nextRev(), running, now);
    }

    boolean breach() {
        return ref.kind() == TimerKind.BREACH;
    }
}
