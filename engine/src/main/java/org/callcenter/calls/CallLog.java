package org.callcenter.calls;

import java.time.Instant;
import java.util.Set;

/** Where the tracker's changes go: call records and call-back tasks (MongoDB), live ids (Redis). */
public interface CallLog {
    /** Stores the record's current state; writes of one call are applied in order. */
    void save(CallRecord call);

    /** The call ended unanswered: store it and create a call-back task. */
    void abandoned(CallRecord call);

    /**
     * After a resync: every call the store still thinks is live but whose id is not in
     * {@code liveIds} (and that this tracker no longer follows) is closed with {@code cause}.
     */
    void closeVanished(Set<String> liveIds, String cause, Instant at);
}
