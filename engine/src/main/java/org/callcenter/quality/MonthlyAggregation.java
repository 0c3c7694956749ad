package org.callcenter.quality;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds one month's {@link MonthlyReport} in one streamed pass per collection: visits (appointments
 * and ratings of the month), requests (from the previous year's start, for the recurring-problem
 * periods; the month's own requests feed the agents), the visited requests' clocks by _id, surveys,
 * calls, complaints and product returns. Survey agents are named like requests' and calls' agents
 * (by username, {@link AgentNames}). Memory grows with technicians, agents and visited requests, never with the
 * size of the store.
 */
final class MonthlyAggregation {
    private final YearMonth month;
    private final Instant from;
    private final Instant to;
    private final ReportRepository facts;
    private final Map<String, Tech> techs = new TreeMap<>();
    private final Map<String, Agent> agents = new TreeMap<>();
    private final Map<String, List<String>> visited = new HashMap<>();
    private long requests;
    private long visits;
    private long ratings;
    private final Map<String, Long> returnsByProduct = new TreeMap<>();
    private final Map<String, Long> returnsByCondition = new TreeMap<>();
    private long returns;
    private AgentNames names = new AgentNames(List.of());

    MonthlyAggregation(YearMonth month, ZoneId zone, ReportRepository facts) {
        this.month = month;
        this.from = month.atDay(1).atStartOfDay(zone).toInstant();
        this.to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        this.facts = facts;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    private boolean inMonth(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    void technicians(List<TechnicianDirectory.Technician> all) {
        all.forEach(t -> techs.computeIfAbsent(t.id(), k -> new Tech()).name = t.name());
    }

    /** Survey agents are named by username from here on (see {@link AgentNames}). */
    void agents(List<ReportRepository.AgentFacts> directory) {
        names = new AgentNames(directory);
    }

    void visits() {
        facts.forEachVisit(from, to, v -> {
            if (v.technicianId() == null) return;
            Tech t = techs.computeIfAbsent(v.technicianId(), k -> new Tech());
            if (inMonth(v.appointmentStart())) {
                visits++;
                t.visits++;
                if (v.ticketId() != null) {
                    List<String> who = visited.computeIfAbsent(v.ticketId(), k -> new ArrayList<>(1));
                    if (!who.contains(v.technicianId())) {
                        who.add(v.technicianId());
                        t.requests++;
                    }
                }
                if (v.arrivedAt() != null) t.arrived++;
                if (Boolean.TRUE.equals(v.punctual())) t.punctual++;
                if (Boolean.FALSE.equals(v.punctual())) {
                    t.late++;
                    if (v.minutesLate() != null) t.minutesLate += v.minutesLate();
                }
            }
            if (inMonth(v.ratedAt()) && v.rating() != null && v.rating() >= 1 && v.rating() <= 5) {
                ratings++;
                t.ratings.add(v.rating());
            }
        });
    }

    void tickets(RecurringProblems.Tally tally) {
        facts.forEachTicket(tally.from(), to, t -> {
            tally.add(t.product(), t.category(), t.openedAt());
            if (!inMonth(t.openedAt())) return;
            requests++;
            if (t.createdBy() == null) return;
            Agent a = agents.computeIfAbsent(t.createdBy(), k -> new Agent());
            a.requests++;
            count(a.clocks, t);
        });
        for (ReportRepository.TicketFacts t : facts.tickets(visited.keySet()))
            for (String tech : visited.getOrDefault(t.number(), List.of())) count(techs.get(tech).clocks, t);
    }

    void surveys() {
        facts.forEachSurvey(from, to, s -> {
            if (s.rating() < 1 || s.rating() > 5) return;
            ratings++;
            String agent = names.resolve(s.agent());
            if (agent != null)
                agents.computeIfAbsent(agent, k -> new Agent()).ratings.add(s.rating());
        });
    }

    void returns() {
        facts.forEachReturn(month.toString(), r -> {
            returns++;
            returnsByProduct.merge(RecurringProblems.product(r.product()), 1L, Long::sum);
            returnsByCondition.merge(r.condition() == null ? "unknown" : r.condition(), 1L, Long::sum);
        });
    }

    void calls() {
        facts.forEachCall(from, to, c -> {
            if (c.agent() != null && "answered".equals(c.outcome()))
                agents.computeIfAbsent(c.agent(), k -> new Agent()).calls++;
        });
    }

    MonthlyReport report(
            List<Complaint> windowComplaints,
            List<LadderDecision> windowDecisions,
            Instant windowStart,
            List<RecurringProblems.Row> recurring,
            List<QualityEvents.KeyWarning> warnings,
            Instant now) {
        Map<String, List<Complaint>> byTech = group(windowComplaints, Complaint::technicianId);
        Map<String, List<LadderDecision>> decisionsByTech = group(windowDecisions, LadderDecision::technicianId);
        byTech.keySet().forEach(id -> techs.computeIfAbsent(id, k -> new Tech()));
        long complaints =
                windowComplaints.stream().filter(c -> inMonth(c.registeredAt())).count();
        long verified = windowComplaints.stream()
                .filter(c -> inMonth(c.registeredAt()) && c.verification() == Complaint.Verification.VERIFIED)
                .count();
        List<MonthlyReport.TechnicianSummary> techRows = new ArrayList<>();
        techs.forEach((id, t) -> {
            List<Complaint> mine = byTech.getOrDefault(id, List.of());
            Ladder ladder = Ladder.of(id, windowStart, to, mine, decisionsByTech.getOrDefault(id, List.of()));
            long inMonth = mine.stream().filter(c -> inMonth(c.registeredAt())).count();
            long verifiedInMonth = mine.stream()
                    .filter(c -> inMonth(c.registeredAt()) && c.verification() == Complaint.Verification.VERIFIED)
                    .count();
            long judged = t.punctual + t.late;
            techRows.add(new MonthlyReport.TechnicianSummary(
                    id,
                    t.name,
                    t.requests,
                    t.visits,
                    t.arrived,
                    t.punctual,
                    t.late,
                    judged == 0 ? null : round(100.0 * t.punctual / judged),
                    t.late == 0 ? null : round((double) t.minutesLate / t.late),
                    clocks(t.clocks),
                    t.ratings.summary(),
                    inMonth,
                    verifiedInMonth,
                    ladder.verifiedComplaints(),
                    ladder.current() == null ? null : ladder.current().key(),
                    ladder.due() == null ? null : ladder.due().key()));
        });
        List<MonthlyReport.AgentSummary> agentRows = new ArrayList<>();
        agents.forEach((name, a) -> agentRows.add(
                new MonthlyReport.AgentSummary(name, a.requests, a.calls, clocks(a.clocks), a.ratings.summary())));
        return new MonthlyReport(
                month.toString(),
                from,
                to,
                now,
                !now.isBefore(to),
                new MonthlyReport.Totals(requests, visits, ratings, complaints, verified, warnings.size(), returns),
                techRows,
                agentRows,
                recurring,
                warnings,
                new MonthlyReport.Returns(returns, returnsByProduct, returnsByCondition));
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new HashMap<>();
        for (T item : items) {
            String k = key.apply(item);
            if (k != null) out.computeIfAbsent(k, x -> new ArrayList<>()).add(item);
        }
        return out;
    }

    private static void count(Map<String, long[]> clocks, ReportRepository.TicketFacts t) {
        t.clocks().forEach((name, outcome) -> {
            if (outcome == ReportRepository.ClockOutcome.MET) clocks.computeIfAbsent(name, k -> new long[2])[0]++;
            if (outcome == ReportRepository.ClockOutcome.BREACHED) clocks.computeIfAbsent(name, k -> new long[2])[1]++;
        });
    }

    private static Map<String, MonthlyReport.ClockCount> clocks(Map<String, long[]> counts) {
        Map<String, MonthlyReport.ClockCount> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, new MonthlyReport.ClockCount(v[0], v[1])));
        return out;
    }

    static Double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static final class RatingSum {
        long count;
        long sum;

        void add(int rating) {
            count++;
            sum += rating;
        }

        MonthlyReport.Ratings summary() {
            return new MonthlyReport.Ratings(count, count == 0 ? null : round((double) sum / count));
        }
    }

    private static final class Tech {
        String name;
        long requests, visits, arrived, punctual, late, minutesLate;
        final Map<String, long[]> clocks = new TreeMap<>();
        final RatingSum ratings = new RatingSum();
    }

    private static final class Agent {
        long requests, calls;
        final Map<String, long[]> clocks = new TreeMap<>();
        final RatingSum ratings = new RatingSum();
    }
}
