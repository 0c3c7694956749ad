package org.callcenter.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.callcenter.sla.BusinessCalendar;

/** Who still lacks the quarterly call this quarter; which first-installation calls are overdue. */
public final class FollowupCoverage {
    public record Report(
            String quarter,
            long customers,
            List<String> withoutQuarterlyCall,
            List<FollowUp> overdueFirstInstallation,
            List<VisitWithoutReturn> visitsWithoutReturnVisit) {}

    /** A visit (departed in the last 92 days) whose return call has not reached the customer yet. */
    public record VisitWithoutReturn(String visitId, String customerId, String ticketNumber, Instant departedAt) {}

    private final FollowupRepository repository;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final java.util.function.Consumer<Report> reported;

    public FollowupCoverage(FollowupRepository repository, BusinessCalendar calendar, Clock clock) {
        this(repository, calendar, clock, r -> {});
    }

    /** {@code reported}: told every report (the coverage gauges). */
    public FollowupCoverage(
            FollowupRepository repository,
            BusinessCalendar calendar,
            Clock clock,
            java.util.function.Consumer<Report> reported) {
        this.reported = reported;
        this.repository = repository;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Report report() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        String quarter = FollowupRules.quarter(today);
        String previous =
                FollowupRules.quarter(FollowupRules.quarterStart(today).minusDays(1));
        Set<String> called = new HashSet<>();
        Set<String> returned = new HashSet<>();
        List<FollowUp> candidates = new ArrayList<>(repository.ofQuarter(quarter));
        candidates.addAll(repository.ofQuarter(previous)); // one left open last quarter took this one's reason
        for (FollowUp f : candidates) {
            boolean reached = f.attempts().stream().anyMatch(a -> a.outcome() == Outcome.REACHED);
            boolean coversQuarterly = f.covered().contains("quarterly:" + quarter);
            boolean quarterlyPending =
                    f.pending().stream().anyMatch(r -> r.key().equals("quarterly:" + quarter));
            if (coversQuarterly && reached && !quarterlyPending) called.add(f.customerId());
            if (!reached) continue;
            for (String key : f.covered())
                if (key.startsWith("visit:")
                        && f.pending().stream().noneMatch(r -> r.key().equals(key))) returned.add(key);
        }
        List<String> without = new ArrayList<>();
        List<VisitWithoutReturn> visits = new ArrayList<>();
        Instant since = now.minus(java.time.Duration.ofDays(92));
        long[] customers = {0};
        repository.forEachCustomer(c -> {
            customers[0]++;
            if (!called.contains(c.customerId())) without.add(c.customerId());
            for (CustomerFacts.Departed v : c.visits())
                if (v.departedAt().isAfter(since)
                        && !v.departedAt().isAfter(now)
                        && !returned.contains("visit:" + v.visitId()))
                    visits.add(new VisitWithoutReturn(v.visitId(), c.customerId(), v.ticketNumber(), v.departedAt()));
        });
        visits.sort(Comparator.comparing(VisitWithoutReturn::departedAt));
        without.sort(Comparator.naturalOrder());
        List<FollowUp> overdue = repository.open().stream()
                .filter(f -> f.pending().stream()
                        .anyMatch(r -> r.reason() == Reason.FIRST_INSTALLATION
                                && r.dueBy().isBefore(now)))
                .sorted(FollowupService.ORDER)
                .toList();
        Report report = new Report(quarter, customers[0], without, overdue, visits);
        reported.accept(report);
        return report;
    }
}
