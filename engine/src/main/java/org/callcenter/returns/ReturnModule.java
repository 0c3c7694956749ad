package org.callcenter.returns;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.metrics.ReturnMeters;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoReturnRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.tickets.TicketRepository;

/** Wires product returns: repository, service (reports count with {@link ReturnService#countByMonth}), routes. */
public record ReturnModule(ReturnService service, ReturnRoutes routes) {

    public static ReturnModule wire(
            MongoStore mongo,
            CustomerRepository customers,
            TicketRepository tickets,
            MeterRegistry registry,
            Blocking blocking,
            Clock clock,
            ZoneId zone) {
        ReturnService service = new ReturnService(
                new MongoReturnRepository(mongo),
                customers,
                tickets,
                new ReturnMeters(registry),
                blocking,
                clock,
                zone);
        return new ReturnModule(service, new ReturnRoutes(service));
    }
}
