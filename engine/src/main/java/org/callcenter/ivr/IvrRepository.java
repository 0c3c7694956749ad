package org.callcenter.ivr;

import java.util.Optional;

/** IVR traces, surveys and call-backs (blocking; implemented in store/). */
public interface IvrRepository {
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
