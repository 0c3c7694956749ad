package org.callcenter.dispatch;

import java.time.Instant;

/**
 * One on-site visit (collection {@code visits}). {@code ticketId} and {@code ticketNumber} are the
 * same value (requests are keyed by their number). Besides the cross-team fields it keeps the
 * customer's phone and language (where its texts go), when it was assigned and last changed.
 */
public record Visit(
        String id,
        String ticketId,
        String ticketNumber,
        String customerId,
        String technicianId,
        Instant appointmentStart,
        Instant appointmentEnd,
        Instant arrivedAt,
        Instant departedAt,
        Boolean punctual,
        Integer minutesLate,
        Consent consent,
        Integer rating,
        Instant ratedAt,
        String report,
        String customerPhone,
        String language,
        Instant assignedAt,
        Instant consentAt,
        Instant updatedAt) {

    /** Done: the technician left and the customer confirmed. */
    public boolean complete() {
        return departedAt != null && consent == Consent.GIVEN;
    }
}
