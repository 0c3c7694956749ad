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
     * Writes {@code clock} (whose rev is already the next one) if the stored clock of that name has
     * revision {@code expectedRev}, or is absent when {@code expectedRev} is negative.
     */
    boolean put(String ticket, SlaClock clock, long expectedRev);

    /** Marks the warning or breach of plan {@code plan} as announced (events published). */
    void markNotified(String ticket, ClockName clock, long plan, TimerKind kind);

    /** Every request's open or un-announced clocks, for rebuilding the timer index. */
    void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer);

    /** Records an escalation once (idempotent by id); false if it was already there. */
    boolean recordEscalation(Escalation escalation);

    java.util.List<Escalation> recentEscalations(int limit);
}
