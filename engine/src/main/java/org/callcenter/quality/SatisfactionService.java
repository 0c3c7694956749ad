package org.callcenter.quality;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.callcenter.common.InvalidInputException;

/**
 * Satisfaction (SERVICE-RULES §6): ratings 1-5 from the IVR survey (against the agent and the request)
 * and from SMS replies after a visit (the visit's {@code rating}, against the technician and the
 * request), grouped per agent, technician, product (through the rated request) or month. Blocking.
 */
public final class SatisfactionService {
    public enum By {
        AGENT,
        TECHNICIAN,
        PRODUCT,
        MONTH;

        public static By parse(String raw) {
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("by", "must be agent, technician, product or month");
            }
        }
    }

    /** One group: {@code survey} ratings came from the IVR, {@code sms} from visit replies. */
    public record Group(
            String key, long count, Double average, long survey, long sms, Map<Integer, Long> distribution) {}

    /** {@code ratings} and {@code average} cover every rating of the period, grouped or not. */
    public record Summary(String from, String to, String by, long ratings, Double average, List<Group> groups) {}

    private final ReportRepository facts;
    private final ZoneId zone;

    public SatisfactionService(ReportRepository facts, ZoneId zone) {
        this.facts = facts;
        this.zone = zone;
    }

    /** Ratings given in the months {@code from}..{@code to} (inclusive). */
    public Summary aggregate(YearMonth from, YearMonth to, By by) {
        if (to.isBefore(from)) throw InvalidInputException.of("to", "must not be before from");
        if (from.plusMonths(24).isBefore(to)) throw InvalidInputException.of("to", "at most 24 months at once");
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Rating> ratings = new ArrayList<>();
        // surveys may name the agent by interface: grouped under the username requests and calls use
        AgentNames names = new AgentNames(by == By.AGENT ? facts.agents() : List.of());
        facts.forEachSurvey(start, end, s -> {
            if (s.rating() >= 1 && s.rating() <= 5)
                ratings.add(new Rating(true, names.resolve(s.agent()), null, s.ticket(), s.at(), s.rating()));
        });
        facts.forEachVisit(start, end, v -> {
            if (v.rating() != null
                    && v.rating() >= 1
                    && v.rating() <= 5
                    && v.ratedAt() != null
                    && !v.ratedAt().isBefore(start)
                    && v.ratedAt().isBefore(end))
                ratings.add(new Rating(false, null, v.technicianId(), v.ticketId(), v.ratedAt(), v.rating()));
        });
        Map<String, String> products = new HashMap<>();
        if (by == By.PRODUCT) {
            Set<String> numbers = new HashSet<>();
            ratings.forEach(r -> {
                if (r.ticket() != null) numbers.add(r.ticket());
            });
            facts.tickets(numbers).forEach(t -> products.put(t.number(), RecurringProblems.product(t.product())));
        }
        Map<String, long[]> groups = new TreeMap<>();
        long total = 0;
        long sum = 0;
        for (Rating r : ratings) {
            total++;
            sum += r.rating();
            String key = switch (by) {
                case AGENT -> r.survey() ? r.agent() : null;
                case TECHNICIAN -> r.survey() ? null : r.technician();
                case PRODUCT -> r.ticket() == null ? "unspecified" : products.getOrDefault(r.ticket(), "unspecified");
                case MONTH -> YearMonth.from(r.at().atZone(zone)).toString();
            };
            if (key == null) continue;
            long[] g = groups.computeIfAbsent(key, k -> new long[9]); // count, sum, survey, sms, 1..5
            g[0]++;
            g[1] += r.rating();
            g[r.survey() ? 2 : 3]++;
            g[3 + r.rating()]++;
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((k, g) -> {
            Map<Integer, Long> dist = new TreeMap<>();
            for (int i = 1; i <= 5; i++) dist.put(i, g[3 + i]);
            out.add(new Group(k, g[0], MonthlyAggregation.round((double) g[1] / g[0]), g[2], g[3], dist));
        });
        return new Summary(
                from.toString(),
                to.toString(),
                by.name().toLowerCase(Locale.ROOT),
                total,
                total == 0 ? null : MonthlyAggregation.round((double) sum / total),
                out);
    }

    private record Rating(boolean survey, String agent, String technician, String ticket, Instant at, int rating) {}
}
