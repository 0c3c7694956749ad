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

    /** Every request's open or un-announced clocks, for rebuilding the timer index. */
    void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer);
}
