package org.callcenter.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.QualityConfig;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketRepository;

/**
 * Problems that keep recurring (SERVICE-RULES §6): requests per product and category this month,
 * quarter (to date) and year (to date) against the previous month, quarter and year. The rule (at
 * least {@code min_count} in a month and at least {@code factor} × the previous month) raises a key
 * warning once per product, category and month: stored, published on {@code callcenter.quality.key-warning},
 * routed technical (development) or service (training) by category. Checked on every new or changed
 * request from running counts (a request counts under the product and category it was opened with),
 * and on demand / in the monthly report from the requests themselves. Blocking methods.
 */
public final class RecurringProblems {
    public record Row(
            String product,
            String category,
            String route,
            long month,
            long previousMonth,
            long quarter,
            long previousQuarter,
            long year,
            long previousYear,
            boolean warning) {}

    private final RecurringRepository repository;
    private final TicketRepository tickets;
    private final ReportRepository facts;
    private final QualityConfig config;
    private final EventPublisher events;
    private final QualityMeters meters;
    private final ZoneId zone;
    private final Clock clock;

    public RecurringProblems(
            RecurringRepository repository,
            TicketRepository tickets,
            ReportRepository facts,
            QualityConfig config,
            EventPublisher events,
            QualityMeters meters,
            ZoneId zone,
            Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.facts = facts;
        this.config = config;
        this.events = events;
        this.meters = meters;
        this.zone = zone;
        this.clock = clock;
    }

    /** True when a month's count calls for a key warning. */
    public boolean fires(long count, long previous) {
        return count >= config.recurringMinCount() && count >= config.recurringFactor() * previous;
    }

    /** A new request: counts it and checks the rule for its product and category. */
    public void opened(String number) {
        Ticket t = tickets.find(number).orElse(null);
        if (t == null || t.category() == null || t.openedAt() == null) return;
        YearMonth m = YearMonth.from(t.openedAt().atZone(zone));
        long count = repository.increment(product(t.product()), t.category(), m.toString());
        check(product(t.product()), t.category(), m, count);
    }

    /** A changed request: checks the rule again for its product and category. */
    public void changed(String number) {
        Ticket t = tickets.find(number).orElse(null);
        if (t == null || t.category() == null || t.openedAt() == null) return;
        YearMonth m = YearMonth.from(t.openedAt().atZone(zone));
        check(
                product(t.product()),
                t.category(),
                m,
                repository.count(product(t.product()), t.category(), m.toString()));
    }

    private void check(String product, String category, YearMonth m, long count) {
        long previous = repository.count(product, category, m.minusMonths(1).toString());
        if (fires(count, previous)) raise(product, category, m, count, previous);
    }

    /** Counts every product and category for {@code m} from the requests, raising the warnings due. */
    public List<Row> evaluate(YearMonth m) {
        Tally tally = new Tally(m);
        facts.forEachTicket(tally.from(), tally.to(), t -> tally.add(t.product(), t.category(), t.openedAt()));
        return rows(tally, true);
    }

    /** The rows of a tally filled elsewhere (the monthly report's single pass); raises when asked. */
    List<Row> rows(Tally tally, boolean raise) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<List<String>, long[]> e : tally.counts.entrySet()) {
            long[] c = e.getValue();
            String product = e.getKey().get(0);
            String category = e.getKey().get(1);
            boolean warning = c[0] > 0 && fires(c[0], c[1]);
            if (warning && raise) raise(product, category, tally.month, c[0], c[1]);
            out.add(new Row(product, category, config.routeOf(category), c[0], c[1], c[2], c[3], c[4], c[5], warning));
        }
        out.sort(Comparator.comparing(Row::month)
                .reversed()
                .thenComparing(Row::product)
                .thenComparing(Row::category));
        return out;
    }

    public List<QualityEvents.KeyWarning> warnings(YearMonth m) {
        return repository.warnings(m.toString());
    }

    private void raise(String product, String category, YearMonth m, long count, long previous) {
        String route = config.routeOf(category);
        QualityEvents.KeyWarning w = new QualityEvents.KeyWarning(
                product,
                category,
                route,
                m.toString(),
                count,
                previous,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!repository.insertWarning(w)) return;
        meters.keyWarning(route);
        events.publish(QualityEvents.KEY_WARNING, w);
    }

    static String product(String product) {
        return product == null || product.isBlank() ? "unspecified" : product;
    }

    /** Requests per product and category over month/quarter/year of {@code month} and the periods before. */
    final class Tally {
        final YearMonth month;
        final Map<List<String>, long[]> counts = new HashMap<>();
        private final YearMonth quarterStart;

        Tally(YearMonth month) {
            this.month = month;
            this.quarterStart = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
        }

        /** The scan range: the previous year's 1 January to the end of the month. */
        Instant from() {
            return start(YearMonth.of(month.getYear() - 1, 1));
        }

        Instant to() {
            return start(month.plusMonths(1));
        }

        void add(String product, String category, Instant openedAt) {
            if (category == null || openedAt == null) return;
            YearMonth at = YearMonth.from(openedAt.atZone(zone));
            if (at.isAfter(month)) return;
            long[] c = counts.computeIfAbsent(List.of(product(product), category), k -> new long[6]);
            if (at.equals(month)) c[0]++;
            if (at.equals(month.minusMonths(1))) c[1]++;
            if (!at.isBefore(quarterStart)) c[2]++;
            else if (!at.isBefore(quarterStart.minusMonths(3))) c[3]++;
            if (at.getYear() == month.getYear()) c[4]++;
            else if (at.getYear() == month.getYear() - 1) c[5]++;
        }

        Instant start(YearMonth m) {
            return m.atDay(1).atStartOfDay(zone).toInstant();
        }
    }
}
