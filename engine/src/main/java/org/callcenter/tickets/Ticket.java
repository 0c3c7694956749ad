package org.callcenter.tickets;

import java.time.Instant;
import java.util.List;

/**
 * A service request. {@code number} is the short numeric ticket number customers key on a phone
 * pad; {@code history} is append-only; {@code version} increases on every change.
 */
public record Ticket(
        String number,
        String customerId,
        String installationId,
        String contactName,
        String phone,
        String category,
        String product,
        Severity severity,
        String description,
        Channel channel,
        Escalation escalation,
        TicketStatus status,
        String transferredTo,
        Instant openedAt,
        String createdBy,
        Instant feedbackAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant updatedAt,
        long version,
        List<TicketEvent> history) {

    public boolean open() {
        return status.open();
    }

    /** The latest history event: when the customer was last in contact about this request. */
    public TicketEvent lastEvent() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
