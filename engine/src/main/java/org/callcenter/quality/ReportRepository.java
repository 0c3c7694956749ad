package org.callcenter.quality;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.callcenter.ivr.SurveyResult;

/**
 * What the reports read, streamed in one pass per collection with only the fields they need (so a
 * month of a large store is never held in memory), and the reports stored once produced. Blocking.
 */
public interface ReportRepository {
    /** How a clock of a request ended up. */
    enum ClockOutcome {
        MET,
        BREACHED,
        OPEN,
        CANCELLED
    }

    record TicketFacts(
            String number,
            String createdBy,
            String product,
            String category,
            String channel,
            String status,
            Instant openedAt,
            Map<String, ClockOutcome> clocks) {}

    record VisitFacts(
            String id,
            String ticketId,
            String technicianId,
            Instant appointmentStart,
            Instant arrivedAt,
            Boolean punctual,
            Integer minutesLate,
            Integer rating,
            Instant ratedAt) {}

    record CallFacts(
            String id,
            String agent,
            String outcome,
            Instant startedAt,
            Long waitSeconds,
            Long talkSeconds,
            String ticketNumber) {}

    /** A product return: the product of the installation and the state of the goods (lower case). */
    record ReturnFacts(String product, String condition) {}

    /** An agent of the directory ({@code agents}): username and the phone interface Asterisk rings. */
    record AgentFacts(String username, String agentInterface) {}

    /** Requests opened in [from, to). */
    void forEachTicket(Instant from, Instant to, Consumer<TicketFacts> consumer);

    /** Requests by number (an _id lookup, in batches). */
    List<TicketFacts> tickets(Collection<String> numbers);

    /** Visits whose appointment starts in [from, to) or whose rating came in [from, to). */
    void forEachVisit(Instant from, Instant to, Consumer<VisitFacts> consumer);

    /** IVR survey results given in [from, to). */
    void forEachSurvey(Instant from, Instant to, Consumer<SurveyResult> consumer);

    /** Calls started in [from, to). */
    void forEachCall(Instant from, Instant to, Consumer<CallFacts> consumer);

    /** Product returns recorded in the business-zone month {@code month} (e.g. 2026-10). */
    void forEachReturn(String month, Consumer<ReturnFacts> consumer);

    /** Every agent of the directory (a few hundred at most). */
    List<AgentFacts> agents();

    /** Stores a produced report (JSON) under {@code id}, replacing an earlier one. */
    void saveReport(String id, String json, Instant generatedAt);

    Optional<String> findReport(String id);
}
