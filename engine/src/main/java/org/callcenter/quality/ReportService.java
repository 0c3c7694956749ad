package org.callcenter.quality;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.JsonMapper;
import org.callcenter.metrics.QualityMeters;

/**
 * Monthly and weekly reports: parses and checks the period (malformed or in the future: 400),
 * builds the report (see {@link MonthlyAggregation}), and stores a finished month's report so it is
 * produced once (by the durable timer on the 1st, or on the first request after). Blocking methods.
 */
public final class ReportService {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final ReportRepository facts;
    private final ComplaintRepository complaints;
    private final TechnicianDirectory technicians;
    private final ComplaintService complaintService;
    private final RecurringProblems recurring;
    private final QualityMeters meters;
    private final ZoneId zone;
    private final Clock clock;
    private final ConcurrentHashMap<YearMonth, CompletableFuture<MonthlyReport>> building = new ConcurrentHashMap<>();
    private final Semaphore one = new Semaphore(1);
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    public ReportService(
            ReportRepository facts,
            ComplaintRepository complaints,
            TechnicianDirectory technicians,
            ComplaintService complaintService,
            RecurringProblems recurring,
            QualityMeters meters,
            ZoneId zone,
            Clock clock) {
        this.facts = facts;
        this.complaints = complaints;
        this.technicians = technicians;
        this.complaintService = complaintService;
        this.recurring = recurring;
        this.meters = meters;
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The running month in the configured zone. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /** {@code yyyy-MM}, not after the current month: else 400. */
    public YearMonth month(String raw) {
        Matcher m = raw == null ? null : MONTH.matcher(raw.trim());
        if (m == null || !m.matches()) throw InvalidInputException.of("month", "must be yyyy-MM, e.g. 2026-11");
        YearMonth month;
        try {
            month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw InvalidInputException.of("month", "must be yyyy-MM with a month 01-12");
        }
        if (month.isAfter(currentMonth())) throw InvalidInputException.of("month", month + " is in the future");
        return month;
    }

    /** The stored report of a finished month, else a fresh one (stored when the month is over). */
    public MonthlyReport monthly(YearMonth month, boolean fresh) {
        if (!fresh) {
            Optional<String> stored = facts.findReport(id(month));
            if (stored.isPresent()) return JsonMapper.read(stored.get(), MonthlyReport.class);
        }
        return generate(month);
    }

    /**
     * Builds the month's report now; stores it when the month is over. Requests for a month being
     * built wait for that build instead of starting another, and builds run one at a time (a large
     * month is heavy on the store), so many viewers never multiply the work.
     */
    public MonthlyReport generate(YearMonth month) {
        CompletableFuture<MonthlyReport> mine = new CompletableFuture<>();
        CompletableFuture<MonthlyReport> other = building.putIfAbsent(month, mine);
        if (other != null) {
            waiting.incrementAndGet();
            try {
                return other.join();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            one.acquire();
            try {
                MonthlyReport report = build(month);
                mine.complete(report);
                return report;
            } finally {
                one.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine.completeExceptionally(e);
            throw new IllegalStateException("interrupted while waiting to build the report of " + month, e);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(month, mine);
        }
    }

    /** Requests waiting for a build another one started. */
    int waiting() {
        return waiting.get();
    }

    private MonthlyReport build(YearMonth month) {
        long began = System.nanoTime();
        MonthlyAggregation a = new MonthlyAggregation(month, zone, facts);
        a.technicians(technicians.all());
        a.agents(facts.agents());
        a.visits();
        RecurringProblems.Tally tally = recurring.new Tally(month);
        a.tickets(tally);
        a.surveys();
        a.calls();
        a.returns();
        Instant windowStart = complaintService.windowStart(a.to());
        List<RecurringProblems.Row> rows = recurring.rows(tally, true);
        MonthlyReport report = a.report(
                complaints.registeredBetween(windowStart, a.to()),
                complaints.decisionsBetween(windowStart, a.to()),
                windowStart,
                rows,
                recurring.warnings(month),
                now());
        if (report.complete()) facts.saveReport(id(month), JsonMapper.write(report), report.generatedAt());
        meters.report("monthly", Duration.ofNanos(System.nanoTime() - began));
        return report;
    }

    /** True when the finished month's report is stored already. */
    public boolean stored(YearMonth month) {
        return facts.findReport(id(month)).isPresent();
    }

    /** {@code yyyy-Www} (ISO week), not after the current week: else 400. */
    public WeeklyReport weekly(String raw) {
        Matcher m = raw == null ? null : WEEK.matcher(raw.trim());
        if (m == null || !m.matches())
            throw InvalidInputException.of("week", "must be an ISO week yyyy-Www, e.g. 2026-W48");
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate monday;
        try {
            LocalDate mid = LocalDate.of(year, 6, 1);
            if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum())
                throw new DateTimeException("week");
            monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.DayOfWeek.MONDAY);
        } catch (DateTimeException e) {
            throw InvalidInputException.of("week", "week " + week + " does not exist in " + year);
        }
        Instant from = monday.atStartOfDay(zone).toInstant();
        if (from.isAfter(now())) throw InvalidInputException.of("week", raw.trim() + " is in the future");
        Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        long began = System.nanoTime();
        WeeklyReport report = WeeklyAggregation.build(raw.trim(), from, to, zone, facts, now());
        meters.report("weekly", Duration.ofNanos(System.nanoTime() - began));
        return report;
    }

    private static String id(YearMonth month) {
        return "monthly:" + month;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
