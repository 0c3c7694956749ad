package org.callcenter.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The firing index of timers (a Redis sorted set in production): due timers are claimed with a lease
 * atomically, so two engines never handle the same timer at once; a claimer that dies lets its lease
 * run out and the timer becomes due again.
 */
public interface TimerIndex {
    void add(Collection<TimerRef> timers);

    /** Adds timers that are not indexed yet, leaving claimed ones alone (rebuild on start). */
    void addMissing(Collection<TimerRef> timers);

    void remove(Collection<TimerRef> timers);

    /** Claims up to {@code max} timers due at {@code now}, leasing them until {@code leaseUntil}. */
    List<TimerRef> claim(Instant now, Instant leaseUntil, int max);

    /** Removes a handled timer, unless its lease ran out and another claimer holds it now. */
    void complete(TimerRef timer, Instant leaseUntil);

    /** Completes a batch of timers claimed with the same lease (see {@link #complete}). */
    default void completeAll(Collection<TimerRef> timers, Instant leaseUntil) {
        for (TimerRef t : timers) complete(t, leaseUntil);
    }

    long size();
}
