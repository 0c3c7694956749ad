package org.callcenter.ivr;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.SlaClock;

/** When a request is due (the earliest running SLA clock), as the caller hears it; from clocks already read. */
@FunctionalInterface
public interface DueTimes {
    Optional<Instant> earliest(Map<ClockName, SlaClock> clocks);

    DueTimes NONE = clocks -> Optional.empty();
}
