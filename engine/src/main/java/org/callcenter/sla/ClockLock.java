package org.callcenter.sla;

import java.util.function.Supplier;

/**
 * Serializes clock writes of one request across engines (a short Redis lock in production). Inside
 * it a clock is read, checked and written by the request's _id: the embedded MongoDB-wire server
 * scans the collection for any filter beyond _id, so the compare of compare-and-set happens here.
 */
public interface ClockLock {
    <T> T locked(String ticket, Supplier<T> body);

    /**
     * Tries once, in one round trip, to take the locks of many requests (a batch of due timers);
     * returns those taken. A request whose lock is busy is left out, and the caller handles it through
     * {@link #locked}. The default takes none.
     */
    default Held tryLockAll(java.util.Collection<String> tickets) {
        return new Held("", java.util.Set.of());
    }

    /** Releases the locks of {@link #tryLockAll} still held by that call. */
    default void unlockAll(Held held) {}

    /** The locks taken by one {@link #tryLockAll} call: its token and the requests it holds. */
    record Held(String token, java.util.Set<String> tickets) {}
}
