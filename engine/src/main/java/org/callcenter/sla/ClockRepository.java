package org.callcenter.sla;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The clocks of each request, stored with the request (the ticket document's {@code clocks} field).
 * Blocking; implemented in store/.
 */
public interface ClockRepository {
    /** The request's clocks; empty when it has none; null when there is no such request. */
    Map<ClockName, SlaClock> find(String ticket);

    /**
     * Writes {@code clock} by the request's _id; false when there is no such request. The caller holds
     * the request's {@link ClockLock} and has checked the stored revision.
     */
    boolean put(String ticket, SlaClock clock);

    /** The clocks of many requests in one read (a batch of due timers); absent requests are left out. */
    Map<String, Map<ClockName, SlaClock>> findAll(java.util.Collection<String> tickets);

    /**
     * Writes clocks of many requests in one round trip, each by the request's _id (the caller holds
     * their {@link ClockLock}s); returns how many requests matched. For timers that fired: the clocks
     * must not gain pending timers (no new plan; {@link #put} writes those).
     */
    long putAll(Map<String, java.util.List<SlaClock>> clocks);

    /**
     * Brings the stored pending-timer entries of these clocks in line with them ({@code current}) or
     * removes them ({@code gone}: the request or clock no longer exists); for timers found stale.
     */
    void syncTimers(Map<String, java.util.List<SlaClock>> current, Map<String, java.util.List<ClockName>> gone);

    /**
     * Every pending timer (a compact read, not the requests' documents), in chunks of about
     * {@code chunk}, for rebuilding the index. May include timers already handled or stale: a
     * handler drops those.
     */
    void forEachPendingTimer(int chunk, Consumer<java.util.List<TimerRef>> consumer);

    /** Every request's clocks (a scan of every request), for recounting clocks by state. */
    void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer);
}
