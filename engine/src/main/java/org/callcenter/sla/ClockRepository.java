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
     * their {@link ClockLock}s); returns how many requests matched.
     */
    long putAll(Map<String, java.util.List<SlaClock>> clocks);

    /** Every request's open or un-announced clocks, for rebuilding the timer index. */
    void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer);
}
