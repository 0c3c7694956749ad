package org.callcenter.quality;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.JsonMapper;
import org.callcenter.common.Timers;
import org.callcenter.common.VertxTimers;
import org.callcenter.config.QualityConfig;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.sla.TimerIndex;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoComplaintRepository;
import org.callcenter.store.MongoRecurringRepository;
import org.callcenter.store.MongoReportRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoTechnicianDirectory;
import org.callcenter.store.RedisStore;
import org.callcenter.store.RedisTimerIndex;
import org.callcenter.tickets.TicketEvents;
import org.callcenter.tickets.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the quality domain: complaints and the ladder, satisfaction, reports and their monthly timer,
 * recurring problems checked on every new or changed request. Complaints come in from the API, the
 * IVR ({@link #fromIvr}) and SMS ({@link #fromSms}, a customer's COMPLAINT text routed by dispatch).
 */
public final class QualityModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QualityModule.class);
    /** Published by dispatch (contract): {visitId, ticketId, technicianId, arrivedAt, punctual, ...}. */
    static final String VISIT_ARRIVED = "callcenter.visits.arrived";

    private final ComplaintService complaints;
    private final SatisfactionService satisfaction;
    private final ReportService reports;
    private final RecurringProblems recurring;
    private final ReportSchedule schedule;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration pollEvery;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private Timers timers;
    private Long periodic;

    QualityModule(
            QualityConfig config,
            ComplaintRepository complaintRepository,
            TechnicianDirectory technicians,
            ReportRepository facts,
            RecurringRepository recurringRepository,
            TimerIndex timerIndex,
            TicketRepository tickets,
            EventPublisher events,
            QualityMeters meters,
            Blocking blocking,
            ZoneId zone,
            Clock clock) {
        this.complaints = new ComplaintService(
                complaintRepository, technicians, tickets, events, meters, config.ladderWindowMonths(), clock);
        this.satisfaction = new SatisfactionService(facts, zone);
        this.recurring =
                new RecurringProblems(recurringRepository, tickets, facts, config, events, meters, zone, clock);
        this.reports =
                new ReportService(facts, complaintRepository, technicians, complaints, recurring, meters, zone, clock);
        this.schedule = new ReportSchedule(timerIndex, reports, zone, clock, Duration.ofMinutes(30));
        this.blocking = blocking;
        this.clock = clock;
        this.pollEvery = config.pollEvery();
    }

    public static QualityModule wire(
            QualityConfig config,
            ZoneId zone,
            MongoStore mongo,
            RedisStore redis,
            TicketRepository tickets,
            EventPublisher events,
            MeterRegistry registry,
            Blocking blocking,
            Clock clock) {
        return new QualityModule(
                config,
                new MongoComplaintRepository(mongo),
                new MongoTechnicianDirectory(mongo),
                new MongoReportRepository(mongo),
                new MongoRecurringRepository(mongo),
                new RedisTimerIndex(redis, "quality:timers"),
                tickets,
                events,
                new QualityMeters(registry),
                blocking,
                zone,
                clock);
    }

    public QualityRoutes routes() {
        return new QualityRoutes(this, blocking);
    }

    /** Listens to the request lifecycle, indexes the report timers, polls them. */
    public void start(Vertx vertx) {
        consumers.add(vertx.eventBus().<TicketEvents.TicketOpened>consumer(TicketEvents.OPENED, m -> {
            String number = m.body().number();
            blocking.run(() -> {
                        recurring.opened(number);
                        return null;
                    })
                    .onFailure(e -> log.warn("recurring-problem check of {} failed: {}", number, e.toString()));
        }));
        consumers.add(vertx.eventBus().<TicketEvents.TicketChanged>consumer(TicketEvents.CHANGED, m -> {
            String number = m.body().number();
            blocking.run(() -> {
                        recurring.changed(number);
                        return null;
                    })
                    .onFailure(e -> log.warn("recurring-problem check of {} failed: {}", number, e.toString()));
        }));
        // dispatch's arrival event (a JSON object by contract): someone is on scene for the request's complaints
        consumers.add(vertx.eventBus().consumer(VISIT_ARRIVED, m -> {
            Map<String, Object> e = fields(m.body());
            if (!(e.get("ticketId") instanceof String ticket)) return;
            Instant at = instant(e.get("arrivedAt"));
            blocking.run(() -> complaints.arrived(ticket, at))
                    .onFailure(x -> log.warn("complaints of {} not put on scene: {}", ticket, x.toString()));
        }));
        blocking.run(() -> {
                    schedule.ensure();
                    return null;
                })
                .onFailure(
                        e -> log.warn("quality: report timers not indexed (retried at next start): {}", e.toString()));
        timers = new VertxTimers(vertx);
        periodic = timers.every(
                pollEvery,
                () -> pollNow()
                        .onFailure(e -> log.warn("quality: report timer poll failed (will retry): {}", e.toString())));
    }

    /** The fields of an event published as a JSON object, a map or a record. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Object body) {
        if (body instanceof JsonObject json) return json.getMap();
        if (body instanceof Map<?, ?> map) return (Map<String, Object>) map;
        return JsonMapper.mapper().convertValue(body, Map.class);
    }

    private Instant instant(Object raw) {
        try {
            return raw instanceof String s ? Instant.parse(s) : raw instanceof Instant i ? i : clock.instant();
        } catch (java.time.format.DateTimeParseException e) {
            return clock.instant();
        }
    }

    /** Produces the monthly reports that fell due (skipped while a poll is running). */
    public Future<Integer> pollNow() {
        if (!polling.compareAndSet(false, true)) return Future.succeededFuture(0);
        return blocking.run(schedule::pollOnce).andThen(r -> polling.set(false));
    }

    /**
     * A complaint filed in the IVR (its request is registered already): against the request, and the
     * technician when the script names one that exists.
     */
    public Future<Void> fromIvr(String ticket, String technician) {
        return blocking.run(() -> {
            try {
                complaints.register(Complaint.Source.IVR, ticket, technician, "Complaint filed through the IVR", "ivr");
            } catch (InvalidInputException e) {
                if (technician == null) throw e;
                log.warn("IVR complaint on {}: {}; registered against the request only", ticket, e.getMessage());
                complaints.register(Complaint.Source.IVR, ticket, null, "Complaint filed through the IVR", "ivr");
            }
            return null;
        });
    }

    /**
     * A customer's COMPLAINT text (matched to their request by dispatch): registered with source SMS
     * against the request and its technician (the request alone when that technician is gone).
     * Blocking; returns the complaint id.
     */
    public String fromSms(String ticket, String technician, String text, String from) {
        // the sender's number is kept as who registered it: the complaints desk calls back on it
        String by = from == null ? "sms" : "sms " + from;
        try {
            return complaints
                    .register(Complaint.Source.SMS, ticket, technician, text, by)
                    .id();
        } catch (InvalidInputException e) {
            if (technician == null) throw e;
            log.warn("SMS complaint on {}: {}; registered against the request only", ticket, e.getMessage());
            return complaints
                    .register(Complaint.Source.SMS, ticket, null, text, by)
                    .id();
        }
    }

    public ComplaintService complaints() {
        return complaints;
    }

    public SatisfactionService satisfaction() {
        return satisfaction;
    }

    public ReportService reports() {
        return reports;
    }

    public RecurringProblems recurring() {
        return recurring;
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
        if (periodic != null && timers != null) timers.cancel(periodic);
    }
}
