package org.callcenter.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.TimerIndex;
import org.callcenter.sla.TimerKind;
import org.callcenter.sla.TimerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly report on the 1st, on the SLA domain's durable timer machinery: a thin adapter over a
 * {@link TimerIndex} of its own (Redis key {@code quality:timers}, never seen by the SLA poller).
 * Each month's report is one timer due at 00:00 on the 1st of the next month (in the configured
 * zone), written as a {@link TimerRef} whose "ticket" is {@code monthly-report:yyyy-MM} (the clock and
 * kind fields are fixed and unused). A claim leases the timer, so one instance produces the report;
 * one that dies lets the lease run out and another retries. A handled timer schedules the next month.
 * On start the running month's timer is added if missing, and last month's too unless its report is
 * stored already (so a Redis that lost its data, or an engine down on the 1st, still gets it done).
 */
final class ReportSchedule {
    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);
    private static final String PREFIX = "monthly-report:";

    private final TimerIndex index;
    private final ReportService reports;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration lease;

    ReportSchedule(TimerIndex index, ReportService reports, ZoneId zone, Clock clock, Duration lease) {
        this.index = index;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
        this.lease = lease;
    }

    TimerRef timer(YearMonth month) {
        Instant due = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new TimerRef(PREFIX + month, ClockName.RESOLVE, TimerKind.BREACH, 0, due);
    }

    /** Indexes the running month's timer, and last month's when its report is not stored. Blocking. */
    void ensure() {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        index.addMissing(List.of(timer(current)));
        if (!reports.stored(current.minusMonths(1))) index.addMissing(List.of(timer(current.minusMonths(1))));
    }

    /** Produces the reports whose timers are due; the number produced. Blocking. */
    int pollOnce() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        int produced = 0;
        for (TimerRef t : index.claim(now, leaseUntil, 12)) {
            if (!t.ticket().startsWith(PREFIX)) {
                index.complete(t, leaseUntil);
                continue;
            }
            YearMonth month = YearMonth.parse(t.ticket().substring(PREFIX.length()));
            if (!reports.stored(month)) {
                MonthlyReport r = reports.generate(month);
                produced++;
                log.info(
                        "quality: monthly report {} produced ({} technicians, {} agents, {} requests)",
                        month,
                        r.technicians().size(),
                        r.agents().size(),
                        r.totals().requests());
            }
            index.addMissing(List.of(timer(month.plusMonths(1))));
            index.complete(t, leaseUntil);
        }
        return produced;
    }
}
