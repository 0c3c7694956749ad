package org.callcenter.ivr;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.ClockView;
import org.callcenter.sla.SlaService;

/** Due time of a request for the caller: the earliest due among its running SLA clocks. */
public final class SlaDueTimes {
    private SlaDueTimes() {}

    public static DueTimes of(SlaService sla) {
        return clocks -> sla.views(clocks).values().stream()
                .filter(v -> v.state() == ClockState.RUNNING)
                .map(ClockView::due)
                .filter(Objects::nonNull)
                .min(Comparator.<Instant>naturalOrder());
    }
}
