package org.callcenter.common;

import io.vertx.core.Vertx;
import java.time.Duration;

/** {@link Timers} on Vert.x timers; tasks run on a Vert.x context (keep them short, never blocking). */
public final class VertxTimers implements Timers {
    private final Vertx vertx;

    public VertxTimers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public long once(Duration delay, Runnable task) {
        return vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
    }

    @Override
    public long every(Duration period, Runnable task) {
        return vertx.setPeriodic(Math.max(1, period.toMillis()), id -> task.run());
    }

    @Override
    public void cancel(long id) {
        vertx.cancelTimer(id);
    }
}
