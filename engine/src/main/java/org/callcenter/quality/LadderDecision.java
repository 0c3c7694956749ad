package org.callcenter.quality;

import java.time.Instant;

/** A ladder step decided for a technician: who decided it, when, and on which complaint. */
public record LadderDecision(
        String id,
        String technicianId,
        LadderStep step,
        String complaintId,
        String decidedBy,
        Instant decidedAt,
        String note) {}
