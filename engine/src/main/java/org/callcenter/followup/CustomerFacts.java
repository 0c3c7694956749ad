package org.callcenter.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the rules need to know about one customer: installations, open call-backs, visits the
 * technician left, deliveries, and the customer's time zone (null: the business calendar's).
 */
public record CustomerFacts(
        String customerId,
        List<InstalledOn> installations,
        List<OpenCallback> callbacks,
        List<Departed> visits,
        List<Delivered> deliveries,
        ZoneId zone) {

    public CustomerFacts(String customerId, List<InstalledOn> installations, List<OpenCallback> callbacks) {
        this(customerId, installations, callbacks, List.of(), List.of(), null);
    }

    public record InstalledOn(String installationId, LocalDate installedOn) {}

    public record OpenCallback(String callbackId, Instant requestedAt) {}

    /** An on-site visit the technician left at {@code departedAt}. */
    public record Departed(String visitId, String ticketNumber, Instant departedAt) {}

    /** A delivery of a product to the customer. */
    public record Delivered(String deliveryId, String product, Instant deliveredAt) {}
}
