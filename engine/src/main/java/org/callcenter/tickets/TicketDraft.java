package org.callcenter.tickets;

import java.time.Instant;

/**
 * A new request as registered by an agent, the IVR or an import. {@code openedAt} is set only when
 * importing open requests from an older system; otherwise the request opens now.
 */
public record TicketDraft(
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
        Instant openedAt) {}
