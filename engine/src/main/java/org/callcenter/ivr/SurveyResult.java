package org.callcenter.ivr;

import java.time.Instant;

/** A post-call rating (1-5) against the call, the agent who took it and the request it was about. */
public record SurveyResult(
        String uniqueId,
        String linkedId,
        String agent,
        String ticket,
        String phone,
        int rating,
        boolean callbackRequested,
        Instant at) {}
