package org.callcenter.ivr;

import java.util.Optional;

/** IVR traces, surveys and call-backs (blocking; implemented in store/). */
public interface IvrRepository {
    void saveTrace(IvrTrace trace);

    Optional<IvrTrace> findTrace(String uniqueId);

    void saveSurvey(SurveyResult survey);

    Optional<SurveyResult> findSurvey(String uniqueId);

    void saveCallback(Callback callback);

    Optional<Callback> findCallback(String id);
}
