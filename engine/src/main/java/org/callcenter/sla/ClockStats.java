package org.callcenter.sla;

import java.util.Map;

/** Counts of clocks by state across all engines (a Redis hash in production), for the gauges. */
public interface ClockStats {
    /** A clock moved from {@code from} (null: a new clock) to {@code to}. */
    void moved(ClockState from, ClockState to);

    /** {@code count} clocks moved from {@code from} to {@code to} (a batch of timers). */
    default void moved(ClockState from, ClockState to, long count) {
        for (long i = 0; i < count; i++) moved(from, to);
    }

    /** Every state, 0 when not counted (so not a sign of counts being there: see {@link #counted}). */
    Map<String, Long> snapshot();

    /** Whether counts are stored at all (false when they were never written or Redis lost them). */
    boolean counted();

    /** Replaces the counts (rebuild on start). */
    void reset(Map<ClockState, Long> counts);
}
