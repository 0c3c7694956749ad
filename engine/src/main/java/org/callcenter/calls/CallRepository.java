package org.callcenter.calls;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Call records and call-back tasks (MongoDB, by _id), live call ids and agents' recent calls (Redis). Blocking. */
public interface CallRepository {
    void upsert(CallRecord call);

    Optional<CallRecord> find(String id);

    /** Links the call to a service request; false when there is no such call. */
    boolean linkTicket(String callId, String ticketNumber);

    /** Inserts once per call (the task id is derived from the call id). */
    void insertCallback(CallbackTask task);

    List<CallbackTask> openCallbacks(int limit);

    void markLive(String callId, boolean live);

    Set<String> liveIds();

    void addRecent(String agent, String callId, int keep);

    List<String> recent(String agent, int limit);
}
