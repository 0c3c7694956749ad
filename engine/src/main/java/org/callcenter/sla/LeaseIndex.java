package org.callcenter.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The lease-and-claim machinery under every durable timer of the product (SLA clocks, follow-up
 * plans): opaque members ordered by the instant they are next claimable. A claim takes due members
 * atomically and leases them, so two engines never handle the same member at once; a claimer that dies
 * lets the lease run out and the member falls due again. Each domain keeps its own namespace (key).
 */
public interface LeaseIndex {
    void add(Map<String, Instant> members);

    /** Adds members that are not indexed yet, leaving claimed ones alone (rebuild on start). */
    void addMissing(Map<String, Instant> members);

    void remove(Collection<String> members);

    /** Claims up to {@code max} members due at {@code now}, leasing them until {@code leaseUntil}. */
    List<String> claim(Instant now, Instant leaseUntil, int max);

    /** Removes a handled member, unless its lease ran out and another claimer holds it now. */
    void complete(String member, Instant leaseUntil);

    /** Completes a batch of members claimed with the same lease (see {@link #complete}). */
    default void completeAll(Collection<String> members, Instant leaseUntil) {
        for (String m : members) complete(m, leaseUntil);
    }

    long size();
}
