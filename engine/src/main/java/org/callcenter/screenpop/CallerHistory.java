package org.callcenter.screenpop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.callcenter.customers.Customer;
import org.callcenter.customers.Region;

/**
 * What an agent sees when a caller's phone rings: who it is, what they have installed and whether
 * it is under warranty, their open requests, the last ones, and when they last contacted us.
 * {@code source} says whether it came from the Redis cache or from MongoDB.
 */
public record CallerHistory(
        String phone,
        boolean known,
        CustomerCard customer,
        List<InstallationCard> installations,
        List<RequestSummary> openRequests,
        List<RequestSummary> recentRequests,
        LastContact lastContact,
        String source,
        List<VisitSummary> visits) {

    public record CustomerCard(
            String id,
            String name,
            String language,
            List<String> phones,
            List<Customer.Contact> contacts,
            Customer.Address address,
            Region region) {}

    public record InstallationCard(
            String id,
            String product,
            String model,
            String serial,
            LocalDate installedOn,
            LocalDate warrantyEnd,
            String warranty,
            Long warrantyDaysLeft) {}

    public record RequestSummary(
            String number,
            String status,
            String severity,
            String category,
            String product,
            String description,
            String channel,
            String escalation,
            String installationId,
            Instant openedAt,
            Instant feedbackAt,
            Instant updatedAt) {}

    /** An on-site visit of the customer's (newest first): who, when, punctuality, consent, rating. */
    public record VisitSummary(
            String id,
            String ticketNumber,
            String technicianId,
            String technicianName,
            Instant appointmentStart,
            Instant appointmentEnd,
            Instant arrivedAt,
            Instant departedAt,
            Boolean punctual,
            Integer minutesLate,
            String consent,
            Integer rating,
            String report) {}

    /** The latest event on any of the customer's requests: when, which request, what (created, note...), who. */
    public record LastContact(Instant at, String ticketNumber, String type, String by) {}
}
