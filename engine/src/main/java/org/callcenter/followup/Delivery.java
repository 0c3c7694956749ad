package org.callcenter.followup;

import java.time.Instant;

/**
 * A delivery of a product to a customer (optionally for one installation), with the carrier's or
 * order's {@code reference}. Each delivery earns a follow-up within a week (SERVICE-RULES §5).
 */
public record Delivery(
        String id,
        String customerId,
        String installationId,
        String product,
        Instant deliveredAt,
        String reference,
        String recordedBy,
        Instant createdAt) {}
