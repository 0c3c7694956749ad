package org.callcenter.sla;

import java.util.Map;

/** Counts of clocks by state across all engines (a Redis hash in production), for the gauges. */
public interface ClockStats {
    /** A clock moved from {@code from} (null: a new clock) to {@code to}. */
    void moved(ClockState from, ClockState to);

    Map<String, Long> snapshot();

    /** Replaces the counts (rebuild on start). */
    void reset(Map<ClockState, Long> counts);
}
