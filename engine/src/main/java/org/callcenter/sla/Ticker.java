package org.callcenter.sla;

import java.time.Duration;

/** Runs a task periodically (the timer poller). Tests drive it by hand; production uses a scheduler. */
public interface Ticker extends AutoCloseable {
    void every(Duration period, Runnable task);

    @Override
    void close();
}
