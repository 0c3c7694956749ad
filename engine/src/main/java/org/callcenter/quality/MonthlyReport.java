package org.callcenter.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The monthly service-quality summary (SERVICE-RULES §6) per technician and per agent, with the
 * recurring problems of the month, the key warnings raised for it and the product returns recorded. {@code complete}: the month is
 * over (a report of the running month is a partial one).
 */
public record MonthlyReport(
        String month,
        Instant from,
        Instant to,
        Instant generatedAt,
        boolean complete,
        Totals totals,
        List<TechnicianSummary> technicians,
        List<AgentSummary> agents,
        List<RecurringProblems.Row> recurring,
        List<QualityEvents.KeyWarning> keyWarnings,
        Returns returns) {

    public record Totals(
            long requests,
            long visits,
            long ratings,
            long complaints,
            long verifiedComplaints,
            long keyWarnings,
            long returns) {}

    /**
     * Product returns recorded in the month (SERVICE-RULES §7), by product and by state of the goods.
     * Null in a report stored before returns were counted.
     */
    public record Returns(long count, Map<String, Long> byProduct, Map<String, Long> byCondition) {}

    /** Clocks of a clock name that ended met or breached. */
    public record ClockCount(long met, long breached) {}

    /** {@code average} is null when there were no ratings. */
    public record Ratings(long count, Double average) {}

    /**
     * {@code requests}: distinct requests visited; {@code clocks}: the clocks of those requests;
     * {@code ladderStep}: the last step decided in the window ending with the month, {@code ladderDue}:
     * the step the verified complaints in that window call for.
     */
    public record TechnicianSummary(
            String id,
            String name,
            long requests,
            long visits,
            long arrived,
            long punctual,
            long late,
            Double punctualityPercent,
            Double averageMinutesLate,
            Map<String, ClockCount> clocks,
            Ratings ratings,
            long complaints,
            long verifiedComplaints,
            int verifiedInWindow,
            String ladderStep,
            String ladderDue) {}

    /** {@code requests}: requests the agent registered in the month; {@code clocks}: their clocks. */
    public record AgentSummary(
            String agent, long requests, long callsAnswered, Map<String, ClockCount> clocks, Ratings ratings) {}
}
