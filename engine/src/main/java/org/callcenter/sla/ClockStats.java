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

    Map<String, Long> snapshot();

    /** Replaces the counts (rebuild on start). */
    void reset(Map<ClockState, Long> counts);
}
