package org.callcenter.returns;

import java.time.Instant;

/**
 * A product return recorded with the return form (SERVICE-RULES §7): the state of the goods, the
 * reason and comments, for an installation of a customer, optionally tied to a service request.
 * {@code month} is the business-zone month it was recorded in ("2026-11"), what reports count by.
 */
public record ProductReturn(
        String id,
        String customerId,
        String installationId,
        String product,
        String serial,
        String ticketNumber,
        GoodsCondition condition,
        String reason,
        String comments,
        String recordedBy,
        Instant recordedAt,
        String month) {

    /** State of the goods as received back. */
    public enum GoodsCondition {
        UNOPENED,
        INTACT,
        USED,
        DAMAGED,
        DEFECTIVE
    }
}
