package org.callcenter.common;

import java.time.Duration;

/** Delayed and periodic work, injected so tests can run time-dependent code without sleeping. */
public interface Timers {
    /** Runs {@code task} once after {@code delay}; returns an id for {@link #cancel}. */
    long once(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period} until cancelled. */
    long every(Duration period, Runnable task);

    void cancel(long id);
}
