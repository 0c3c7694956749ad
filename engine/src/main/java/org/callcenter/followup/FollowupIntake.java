package org.callcenter.followup;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import org.callcenter.common.Ids;
import org.callcenter.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What earns a customer a follow-up from outside planning: a technician leaving a visit
 * ({@code callcenter.visits.departed}) and a recorded delivery. Each is stored, then that customer is
 * planned at once (deduplicated with their other reasons). Blocking.
 */
final class FollowupIntake {
    private static final Logger log = LoggerFactory.getLogger(FollowupIntake.class);
    private final FollowupRepository repository;
    private final FollowupPlanner planner;
    private final Clock clock;

    FollowupIntake(FollowupRepository repository, FollowupPlanner planner, Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.clock = clock;
    }

    /** {visitId, ticketNumber, customerId, technicianId, departedAt, consent}; false when not planned. */
    boolean departed(JsonObject e) {
        String visitId = e.getValue("visitId") instanceof String v ? v : null;
        String customerId = e.getValue("customerId") instanceof String c ? c : null;
        Instant at = instant(e.getValue("departedAt"));
        if (visitId == null || customerId == null || at == null) {
            log.warn("visit departure without visitId, customerId or a valid departedAt ignored: {}", e.fieldNames());
            return false;
        }
        String ticketNumber = e.getValue("ticketNumber") instanceof String t ? t : null;
        CustomerFacts.Departed visit = new CustomerFacts.Departed(visitId, ticketNumber, at);
        String technician = e.getValue("technicianId") instanceof String t ? t : null;
        String consent = e.getValue("consent") instanceof String k ? k : null;
        if (!repository.departed(customerId, visit, technician, consent)) {
            log.warn("visit {} departed for unknown customer {}", visitId, customerId);
            return false;
        }
        return planner.planCustomer(customerId).isPresent();
    }

    Delivery deliver(
            String customerId, String installationId, String product, Instant at, String reference, String by) {
        Delivery d = new Delivery(Ids.newId(), customerId, installationId, product, at, reference, by, clock.instant());
        if (!repository.addDelivery(d)) throw new NotFoundException("no customer " + customerId);
        planner.planCustomer(customerId);
        return d;
    }

    /**
     * A JSON object as published (JsonObject, its text, a map, or a record sent with the record codec);
     * null (logged) when it is none of these.
     */
    static JsonObject asJson(Object body) {
        try {
            if (body instanceof JsonObject j) return j;
            if (body instanceof String text) return new JsonObject(text);
            return new JsonObject(org.callcenter.common.JsonMapper.write(body));
        } catch (RuntimeException e) {
            log.warn("visit departure that is not a JSON object ignored");
            return null;
        }
    }

    private static Instant instant(Object v) {
        if (!(v instanceof String s)) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
