package org.callcenter.screenpop;

import java.util.Collection;
import java.util.Optional;

/**
 * The caller-history cache (Redis). Reads return a {@link Cached} value or a miss carrying a stamp;
 * a loader that read MongoDB after taking the stamp may store its result only if no write has
 * invalidated the entry since (so a slow reader never puts back stale data). Blocking.
 */
public interface HistoryCache {
    /** A cache read: the value if present, else the stamp to store a freshly loaded one with. */
    record Cached<T>(Optional<T> value, String stamp) {}

    /** Customer id for a phone; an empty string in the value means "known to be nobody's". */
    Cached<String> customerForPhone(String e164);

    void putCustomerForPhone(String e164, String customerIdOrEmpty, String stamp);

    Cached<HistorySnapshot> snapshot(String customerId);

    void putSnapshot(String customerId, HistorySnapshot snapshot, String stamp);

    /** Drops the customer's snapshot and the phone mappings of {@code phones}, and voids pending stamps. */
    void invalidate(String customerId, Collection<String> phones);

    /** Drops every caller-history entry (after a period when invalidations could not be delivered). */
    void clear();
}
