package org.callcenter.ivr;

import java.util.Map;
import java.util.Optional;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.SlaClock;
import org.callcenter.tickets.TicketStatus;

/** IVR traces, surveys and call-backs, and the requests' status as the hotline speaks it (blocking; in store/). */
public interface IvrRepository {
    /** A request's status and its SLA clocks, read together. */
    record RequestClocks(String number, TicketStatus status, Map<ClockName, SlaClock> clocks) {}

    /** The request's status and clocks in one read of the request (empty when there is no such request). */
    Optional<RequestClocks> requestClocks(String number);

    void saveTrace(IvrTrace trace);

    /** Stores finished sessions' traces together (one round trip where the store allows). */
    default void saveTraces(java.util.List<IvrTrace> traces) {
        traces.forEach(this::saveTrace);
    }

    Optional<IvrTrace> findTrace(String uniqueId);

    void saveSurvey(SurveyResult survey);

    Optional<SurveyResult> findSurvey(String uniqueId);

    void saveCallback(Callback callback);

    Optional<Callback> findCallback(String id);
}
