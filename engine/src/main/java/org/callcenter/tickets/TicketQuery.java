package org.callcenter.tickets;

import java.util.Optional;

/** A search: any combination of phone (E.164), customer and status, newest first. */
public record TicketQuery(
        Optional<String> phone, Optional<String> customerId, Optional<TicketStatus> status, int limit, int skip) {}
