package org.callcenter.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The weekly report (SERVICE-RULES §6) of an ISO week: telephone records (the call log), web
 * consultations (requests with channel web) and service demands (every request opened that week).
 */
public record WeeklyReport(
        String week, Instant from, Instant to, Instant generatedAt, Telephone telephone, Web web, Demands demands) {

    /** Calls started in the week by outcome, per day (yyyy-MM-dd) and per answering agent. */
    public record Telephone(
            long calls,
            Map<String, Long> byOutcome,
            Double averageWaitSeconds,
            Double averageTalkSeconds,
            Map<String, Long> byDay,
            Map<String, Long> byAgent) {}

    /** Requests that came in over the web, with the first {@code listed} of them. */
    public record Web(long consultations, Map<String, Long> byCategory, List<Request> requests) {}

    public record Request(String number, Instant openedAt, String category, String product, String status) {}

    public record Demands(
            long requests, Map<String, Long> byChannel, Map<String, Long> byCategory, Map<String, Long> byStatus) {}
}
