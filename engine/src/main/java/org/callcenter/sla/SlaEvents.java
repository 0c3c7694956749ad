package org.callcenter.sla;

import java.time.Duration;
import java.time.Instant;

/** Event-bus addresses and events of the SLA domain. */
public final class SlaEvents {
    /** A clock reached its warning threshold. */
    public static final String WARNED = "callcenter.sla.warned";
    /** A clock breached. */
    public static final String BREACHED = "callcenter.sla.breached";
    /** A breach escalated to the supervisor (console; the SMS domain sends it to the on-duty supervisor). */
    public static final String ESCALATED = "callcenter.sla.escalated";
    /** A clock changed (started, paused, resumed, met, cancelled): wallboards refresh. */
    public static final String CLOCK_CHANGED = "callcenter.sla.clock-changed";
    /** Command: start a clock by name (complaints, dispatch). */
    public static final String START_CLOCK = "callcenter.sla.start-clock";
    /** Command: stop a clock by name (complaint answered, technician arrived). */
    public static final String STOP_CLOCK = "callcenter.sla.stop-clock";

    private SlaEvents() {}

    /** {@code id} is stable per clock plan: consumers may use it to drop a repeat. */
    public record SlaWarned(String id, String ticket, ClockName clock, Instant warnAt, Instant due, Instant firedAt) {}

    public record SlaBreached(
            String id,
            String ticket,
            ClockName clock,
            Instant due,
            Instant firedAt,

            @com.fasterxml.jackson.annotation.JsonFormat(
                    shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
            Duration lag) {}

    public record ClockChanged(String ticket, ClockName clock, ClockState state, Instant due, Instant at) {}

    /** Starts {@code clock} on {@code ticket} at {@code at} (null = now); region/agreedAt as the clock needs. */
    public record StartClock(
            String ticket, ClockName clock, Instant at, org.callcenter.customers.Region region, Instant agreedAt) {}

    public record StopClock(String ticket, ClockName clock, Instant at) {}
}
