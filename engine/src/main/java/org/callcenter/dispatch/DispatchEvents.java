package org.callcenter.dispatch;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Event-bus addresses of the dispatch domain and their JSON bodies (instants as ISO-8601 strings),
 * plus the history entry types a request gets for each step of an on-site visit.
 */
public final class DispatchEvents {
    public static final String ARRIVED = "callcenter.visits.arrived";
    public static final String DEPARTED = "callcenter.visits.departed";
    public static final String RATED = "callcenter.visits.rated";

    /** History entry types on the request (SERVICE-RULES §4 steps 2-7). */
    public static final String DISPATCHED = "dispatched";

    public static final String APPOINTMENT = "appointment";
    public static final String VISIT_ARRIVED = "visit_arrived";
    public static final String VISIT_DEPARTED = "visit_departed";
    public static final String VISIT_CONSENT = "visit_consent";
    public static final String VISIT_RATED = "visit_rated";
    public static final String VISIT_REPORT = "visit_report";
    public static final String CUSTOMER_SMS = "customer_sms";
    public static final String SMS_FAILED = "sms_failed";

    /** Supervisors' screen-pop message type for a departure waiting for the customer's consent. */
    public static final String POP_PENDING_CONSENT = "visit_pending_consent";

    private DispatchEvents() {}

    /** Publishes a JSON event (the Vert.x event bus in the engine, a list in tests). */
    @FunctionalInterface
    public interface Publisher {
        void publish(String address, JsonObject event);
    }

    public static JsonObject arrived(Visit v) {
        return new JsonObject()
                .put("visitId", v.id())
                .put("ticketId", v.ticketId())
                .put("ticketNumber", v.ticketNumber())
                .put("customerId", v.customerId())
                .put("technicianId", v.technicianId())
                .put("arrivedAt", text(v.arrivedAt()))
                .put("punctual", v.punctual())
                .put("minutesLate", v.minutesLate());
    }

    public static JsonObject departed(Visit v) {
        return new JsonObject()
                .put("visitId", v.id())
                .put("ticketId", v.ticketId())
                .put("ticketNumber", v.ticketNumber())
                .put("customerId", v.customerId())
                .put("technicianId", v.technicianId())
                .put("departedAt", text(v.departedAt()))
                .put("consent", v.consent().wire());
    }

    public static JsonObject rated(Visit v) {
        return new JsonObject()
                .put("visitId", v.id())
                .put("ticketId", v.ticketId())
                .put("customerId", v.customerId())
                .put("technicianId", v.technicianId())
                .put("rating", v.rating())
                .put("at", text(v.ratedAt()));
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
