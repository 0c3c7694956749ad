package org.callcenter.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.metrics.DispatchMeters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.screenpop.CallerHistory.VisitSummary;
import org.callcenter.screenpop.CallerHistoryService;
import org.callcenter.sla.SlaEvents;
import org.callcenter.sla.SlaService;
import org.callcenter.sms.SmsEvents;
import org.callcenter.sms.SmsModule;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoTechnicianRepository;
import org.callcenter.store.MongoVisitRepository;
import org.callcenter.store.RedisClockLock;
import org.callcenter.store.RedisStore;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketPatch;
import org.callcenter.tickets.TicketRepository;
import org.callcenter.tickets.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatch wired: technicians and visits in MongoDB, the SLA clocks, SMS out (the outbox) and in
 * (technicians' commands and customers' replies routed here by the SMS webhook), visits shown in the
 * caller history, and SMS failures about a request added to its history.
 */
public final class DispatchModule {
    private static final Logger log = LoggerFactory.getLogger(DispatchModule.class);
    private static final int HISTORY_VISITS = 10;

    private final TechnicianService technicians;
    private final DispatchService dispatch;
    private final DispatchRoutes routes;
    private final SmsCommands commands;
    private final SmsComplaints complaints;

    private DispatchModule(
            TechnicianService technicians,
            DispatchService dispatch,
            DispatchRoutes routes,
            SmsCommands commands,
            SmsComplaints complaints) {
        this.technicians = technicians;
        this.dispatch = dispatch;
        this.routes = routes;
        this.commands = commands;
        this.complaints = complaints;
    }

    /** Customers' COMPLAINT texts go to {@code intake} (the quality domain). */
    public void onComplaint(DispatchPorts.Complaints intake) {
        complaints.use(intake);
    }

    /** The engine's services this domain works with. */
    public record Deps(
            TicketService tickets,
            TicketRepository ticketRepository,
            CustomerRepository customers,
            CallerHistoryService history,
            SlaService sla,
            SmsModule sms,
            PhoneNumbers phones,
            TicketNumbers numbers,
            ZoneId zone,
            MeterRegistry registry) {}

    public static DispatchModule wire(
            Vertx vertx, MongoStore mongo, RedisStore redis, Deps d, Blocking blocking, Clock clock) {
        TechnicianRepository technicianRepo = new MongoTechnicianRepository(mongo);
        VisitRepository visitRepo = new MongoVisitRepository(mongo);
        DispatchEvents.Publisher events = (address, json) ->
                // screen-pop sockets forward text; everyone else gets the JSON object
                vertx.eventBus().publish(address, address.startsWith("callcenter.screenpop.") ? json.encode() : json);
        DispatchPorts.Texts texts = (key, template, language, to, values, ticket) -> {
            try {
                join(d.sms().queueTemplate(key, template, language, to, values, ticket));
            } catch (RuntimeException e) {
                log.warn("SMS {} for request {} not queued: {}", template, ticket, e.toString());
            }
        };
        DispatchPorts.Clocks clocks = new DispatchPorts.Clocks() {
            @Override
            public void start(
                    String ticket,
                    org.callcenter.sla.ClockName clock,
                    Instant at,
                    org.callcenter.customers.Region region,
                    Instant agreedAt) {
                join(d.sla().start(new SlaEvents.StartClock(ticket, clock, at, region, agreedAt)));
            }

            @Override
            public void stop(String ticket, org.callcenter.sla.ClockName clock, Instant at) {
                try {
                    join(d.sla().stop(new SlaEvents.StopClock(ticket, clock, at)));
                } catch (NotFoundException e) {
                    // the request never had this clock (e.g. no appointment): nothing to stop
                }
            }
        };
        DispatchPorts.Escalate escalate = (ticket, by) -> {
            var current = d.ticketRepository().find(ticket).orElseThrow();
            TicketPatch patch = new TicketPatch(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Escalation.ONSITE),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("forwarded to dispatch for an on-site visit"));
            join(d.tickets().update(ticket, current.version(), patch, by));
        };
        DispatchPorts.Feedback feedback = (ticket, text, by) -> {
            try {
                join(d.tickets().recordFeedback(ticket, text, by));
            } catch (RuntimeException e) {
                log.warn("feedback on {} not recorded: {}", ticket, e.toString());
            }
        };
        VisitSteps steps = new VisitSteps(
                visitRepo,
                d.ticketRepository(),
                d.history(),
                texts,
                clocks,
                events,
                new DispatchMeters(d.registry()),
                clock);
        TechnicianService technicians = new TechnicianService(technicianRepo, visitRepo, blocking, clock);
        DispatchService dispatch = new DispatchService(
                technicianRepo,
                visitRepo,
                d.ticketRepository(),
                d.customers(),
                escalate,
                clocks,
                feedback,
                steps,
                // one dispatch of a request at a time, across engines: the check for a visit in
                // progress and the new visit's insert must not interleave
                new RedisClockLock(redis, "dispatch:lock:", Duration.ofSeconds(30), Duration.ofSeconds(10)),
                blocking,
                clock,
                d.zone());
        SmsComplaints complaints =
                new SmsComplaints(d.customers(), d.ticketRepository(), visitRepo, d.numbers(), steps);
        SmsCommands commands = new SmsCommands(
                technicianRepo, visitRepo, d.ticketRepository(), d.numbers(), d.phones(), steps, complaints);
        d.sms().route(commands);
        d.history()
                .withVisits(customerId -> visitRepo.forCustomer(customerId, HISTORY_VISITS).stream()
                        .map(v -> summary(
                                v,
                                technicianRepo
                                        .find(v.technicianId())
                                        .map(Technician::name)
                                        .orElse(null)))
                        .toList());
        vertx.eventBus().<JsonObject>consumer(SmsEvents.FAILED, m -> {
            JsonObject e = m.body();
            String ticket = e.getString("ticketId");
            if (ticket == null) return;
            String text = "SMS " + e.getString("template") + " to " + e.getString("to") + " " + e.getString("status")
                    + (e.getValue("errorCode") == null ? "" : " (Twilio error " + e.getValue("errorCode") + ")");
            blocking.run(() -> d.ticketRepository()
                            .append(
                                    ticket,
                                    new TicketEvent(
                                            clock.instant(), "sms", DispatchEvents.SMS_FAILED, text, List.of())))
                    .onFailure(err -> log.warn("SMS failure not added to request {}: {}", ticket, err.toString()));
        });
        return new DispatchModule(
                technicians, dispatch, new DispatchRoutes(technicians, dispatch, d.phones()), commands, complaints);
    }

    private static VisitSummary summary(Visit v, String technicianName) {
        return new VisitSummary(
                v.id(),
                v.ticketNumber(),
                v.technicianId(),
                technicianName,
                v.appointmentStart(),
                v.appointmentEnd(),
                v.arrivedAt(),
                v.departedAt(),
                v.punctual(),
                v.minutesLate(),
                v.consent().wire(),
                v.rating(),
                v.report());
    }

    /** Waits for a future from a virtual thread (never an event loop); its failure is rethrown as is. */
    static <T> T join(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    public DispatchService service() {
        return dispatch;
    }

    public TechnicianService technicians() {
        return technicians;
    }

    public DispatchRoutes routes() {
        return routes;
    }

    SmsCommands commands() {
        return commands;
    }
}
