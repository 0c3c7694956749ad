package org.callcenter.sla;

import java.time.Instant;

/** One timer: the warn or breach instant of one plan of one clock of one request. */
public record TimerRef(String ticket, ClockName clock, TimerKind kind, long plan, Instant due) {
    public String member() {
        return ticket + "|" + clock.key() + "|" + kind.name().toLowerCase() + "|" + plan + "|" + due.toEpochMilli();
    }

    public static TimerRef parse(String member) {
        String[] p = member.split("\\|");
        return new TimerRef(
                p[0],
                ClockName.parse(p[1]),
                TimerKind.valueOf(p[2].toUpperCase()),
                Long.parseLong(p[3]),
                Instant.ofEpochMilli(Long.parseLong(p[4])));
    }

    /** Stable id of what this timer announces (events and escalations carry it). */
    public String eventId() {
        return ticket + ":" + clock.key() + ":" + kind.name().toLowerCase() + ":" + plan;
    }

    public static java.util.List<TimerRef> of(String ticket, SlaClock c) {
        java.util.List<TimerRef> out = new java.util.ArrayList<>(2);
        if (c.warnPending() && c.warnAt() != null)
            out.add(new TimerRef(ticket, c.name(), TimerKind.WARN, c.plan(), c.warnAt()));
        if (c.breachPending()) out.add(new TimerRef(ticket, c.name(), TimerKind.BREACH, c.plan(), c.due()));
        return out;
    }
}
