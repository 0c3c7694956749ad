package org.callcenter.ivr;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** When a request is due (the earliest running SLA clock), as the caller hears it. */
@FunctionalInterface
public interface DueTimes {
    Future<Optional<Instant>> due(String ticketNumber);

    DueTimes NONE = n -> Future.succeededFuture(Optional.empty());
}
