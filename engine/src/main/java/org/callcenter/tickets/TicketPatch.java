package org.callcenter.tickets;

import java.util.Optional;

/** The fields an update changes; empty means "leave as is". */
public record TicketPatch(
        Optional<String> contactName,
        Optional<String> category,
        Optional<String> product,
        Optional<Severity> severity,
        Optional<String> description,
        Optional<Escalation> escalation,
        Optional<TicketStatus> status,
        Optional<String> transferredTo,
        Optional<String> installationId,
        Optional<String> note) {}
