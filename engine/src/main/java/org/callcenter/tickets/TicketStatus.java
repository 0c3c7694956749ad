package org.callcenter.tickets;

import java.util.EnumSet;
import java.util.Set;

/** A request's status and the moves allowed from it. */
public enum TicketStatus {
    REGISTERED,
    FEEDBACK_GIVEN,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED,
    TRANSFERRED;

    public boolean open() {
        return this != RESOLVED && this != CLOSED && this != TRANSFERRED;
    }

    public Set<TicketStatus> next() {
        return switch (this) {
            case REGISTERED, FEEDBACK_GIVEN ->
                EnumSet.of(FEEDBACK_GIVEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, TRANSFERRED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, TRANSFERRED, CLOSED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED, TRANSFERRED, CLOSED);
            // a resolved request can be reopened when the problem comes back, or closed
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case TRANSFERRED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return target == this || next().contains(target);
    }
}
