package org.callcenter.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition (never a fixed sleep): polls it until true or the limit. */
public final class Await {
    private Await() {}

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(() -> what, limit, condition);
    }

    /** As above; {@code what} is evaluated on timeout, so it can say what was seen. */
    public static void until(java.util.function.Supplier<String> what, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what.get());
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
