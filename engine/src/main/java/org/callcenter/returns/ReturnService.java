package org.callcenter.returns;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.Ids;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Installation;
import org.callcenter.metrics.ReturnMeters;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.TicketRepository;

/**
 * Records product returns against a known customer's installation (and, when given, one of that
 * customer's service requests), lists them per customer and counts them per month for reports.
 */
public final class ReturnService {
    /** The longest span {@link #countByMonth} answers for (10 years of months). */
    public static final int MAX_MONTHS = 120;

    public record ReturnForm(
            String customerId,
            String installationId,
            String ticketNumber,
            ProductReturn.GoodsCondition condition,
            String reason,
            String comments) {}

    private final ReturnRepository returns;
    private final CustomerRepository customers;
    private final TicketRepository tickets;
    private final ReturnMeters meters;
    private final Blocking blocking;
    private final Clock clock;
    private final ZoneId zone;

    public ReturnService(
            ReturnRepository returns,
            CustomerRepository customers,
            TicketRepository tickets,
            ReturnMeters meters,
            Blocking blocking,
            Clock clock,
            ZoneId zone) {
        this.returns = returns;
        this.customers = customers;
        this.tickets = tickets;
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<ProductReturn> record(ReturnForm form, String recordedBy) {
        return blocking.run(() -> {
            customers
                    .findById(form.customerId())
                    .orElseThrow(() -> InvalidInputException.of("customerId", "no such customer"));
            Installation installation = customers
                    .findInstallation(form.installationId())
                    .orElseThrow(() -> InvalidInputException.of("installationId", "no such installation"));
            if (!installation.customerId().equals(form.customerId()))
                throw InvalidInputException.of("installationId", "belongs to another customer");
            if (form.ticketNumber() != null) {
                var ticket = tickets.find(form.ticketNumber())
                        .orElseThrow(() -> InvalidInputException.of("ticketNumber", "no such service request"));
                if (!form.customerId().equals(ticket.customerId()))
                    throw InvalidInputException.of("ticketNumber", "is another customer's service request");
            }
            Instant now = clock.instant();
            ProductReturn r = new ProductReturn(
                    Ids.newId(),
                    form.customerId(),
                    installation.id(),
                    installation.product(),
                    installation.serial(),
                    form.ticketNumber(),
                    form.condition(),
                    form.reason(),
                    form.comments(),
                    recordedBy,
                    now,
                    YearMonth.from(now.atZone(zone)).toString());
            returns.insert(r);
            meters.recorded(form.condition().name());
            return r;
        });
    }

    public Future<List<ProductReturn>> ofCustomer(String customerId) {
        return blocking.run(() -> {
            customers.findById(customerId).orElseThrow(() -> new NotFoundException("no customer " + customerId));
            return returns.ofCustomer(customerId);
        });
    }

    /**
     * Returns recorded per month from {@code from} to {@code to} inclusive, every month listed (0
     * when none), oldest first. Reports call this; a span over {@link #MAX_MONTHS} or backwards is refused.
     */
    public Map<YearMonth, Long> countByMonth(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) throw InvalidInputException.of("to", "must not be before from");
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to))
            throw InvalidInputException.of("to", "at most " + MAX_MONTHS + " months at once");
        Map<String, Long> stored = returns.countByMonth(from.toString(), to.toString());
        Map<YearMonth, Long> out = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.put(m, stored.getOrDefault(m.toString(), 0L));
        return out;
    }

    public Future<Map<YearMonth, Long>> countByMonthAsync(YearMonth from, YearMonth to) {
        return blocking.run(() -> countByMonth(from, to));
    }

    /** The current month in the business's zone (the API's default "to"). */
    public YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(zone));
    }
}
