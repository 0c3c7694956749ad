package org.callcenter.ivr;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * At most {@code limit} of some store work in flight; the rest waits here in arrival order, holding
 * no thread and no pooled connection. Keeps the IVR's caller look-ups (one per call, two Redis
 * commands each) from taking every connection of the shared Redis pool under load, which made
 * other users (follow-up ticker, screen pops) fail with pool timeouts. A waiting task starts on the
 * Vert.x context it was submitted from, so its callbacks run where the session runs.
 */
final class Bulkhead {
    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    Bulkhead(int limit) {
        if (limit < 1) throw new IllegalArgumentException("bulkhead limit must be at least 1, got " + limit);
        this.limit = limit;
    }

    <T> Future<T> submit(Supplier<Future<T>> task) {
        Context context = Vertx.currentContext();
        Promise<T> result = Promise.promise();
        Runnable start = () -> {
            Future<T> f;
            try {
                f = task.get();
            } catch (RuntimeException | Error e) {
                // a task that throws, even an Error, fails its future and gives its slot back
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                release();
                result.handle(ar);
            });
        };
        boolean now;
        synchronized (this) {
            now = running < limit;
            if (now) running++;
            else waiting.add(context == null ? start : () -> context.runOnContext(v -> start.run()));
        }
        if (now) start.run();
        return result.future();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) running--;
        }
        if (next != null) next.run();
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
