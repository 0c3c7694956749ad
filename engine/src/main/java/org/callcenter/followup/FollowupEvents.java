package org.callcenter.followup;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The event-bus addresses return calls publish and listen to (bodies are JSON objects). */
public final class FollowupEvents {
    /** {followupId, customerId, status, at}: published on every status change of a follow-up. */
    public static final String CHANGED = "callcenter.followup.changed";

    /** {visitId, ticketId, ticketNumber, customerId, technicianId, departedAt, consent}: from dispatch. */
    public static final String VISIT_DEPARTED = "callcenter.visits.departed";

    private FollowupEvents() {}

    public static JsonObject changed(FollowUp f, Instant at) {
        return new JsonObject()
                .put("followupId", f.id())
                .put("customerId", f.customerId())
                .put("status", f.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("at", at.toString());
    }
}
