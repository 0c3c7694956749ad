package org.callcenter.tickets;

import java.time.Instant;

/** Event-bus addresses and events of the tickets domain (the SLA clocks listen to these). */
public final class TicketEvents {
    public static final String OPENED = "callcenter.tickets.opened";
    public static final String CHANGED = "callcenter.tickets.changed";
    public static final String FEEDBACK_GIVEN = "callcenter.tickets.feedback-given";

    private TicketEvents() {}

    public record TicketOpened(
            String number, String customerId, Severity severity, Channel channel, Instant openedAt) {}

    public record TicketChanged(
            String number,
            String customerId,
            TicketStatus from,
            TicketStatus to,
            Severity severity,
            long version,
            Instant at) {}

    public record FeedbackGiven(String number, Instant at, String by) {}
}
