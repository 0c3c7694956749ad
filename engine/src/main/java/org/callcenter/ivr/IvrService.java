package org.callcenter.ivr;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.callcenter.common.Ids;
import org.callcenter.common.NotFoundException;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.screenpop.CallerHistory;
import org.callcenter.screenpop.CallerHistoryService;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.OpeningHours;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.Channel;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.TicketDraft;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketService;
import org.callcenter.tickets.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the IVR nodes decide and store: callers, requests, call-backs, complaints, surveys, traces. */
public final class IvrService {
    private static final Logger log = LoggerFactory.getLogger(IvrService.class);
    static final String BY = "ivr";

    /** A request as the caller hears it. */
    public record RequestStatus(String number, TicketStatus status, Instant due) {}

    private final CallerHistoryService callers;
    private final TicketService tickets;
    private final TicketNumbers numbers;
    private final PhoneNumbers phones;
    private final BusinessCalendar calendar;
    private final Duration callbackWithin;
    private final DueTimes dueTimes;
    private final IvrRepository repository;
    private final Meters meters;
    private final IvrMeters ivrMeters;
    private final Blocking blocking;
    private final Clock clock;
    private final TraceWriter traces;
    /** The IVR's caller look-ups in flight at once (each holds a Redis pool connection per command). */
    static final int IDENTIFY_IN_FLIGHT = 32; // half the default pool (redis.pool_size 64)

    private final Bulkhead identifying = new Bulkhead(IDENTIFY_IN_FLIGHT);

    public IvrService(
            CallerHistoryService callers,
            TicketService tickets,
            TicketNumbers numbers,
            PhoneNumbers phones,
            BusinessCalendar calendar,
            Duration callbackWithin,
            DueTimes dueTimes,
            IvrRepository repository,
            Meters meters,
            IvrMeters ivrMeters,
            Blocking blocking,
            Clock clock) {
        this.callers = callers;
        this.tickets = tickets;
        this.numbers = numbers;
        this.phones = phones;
        this.calendar = calendar;
        this.callbackWithin = callbackWithin;
        this.dueTimes = dueTimes;
        this.repository = repository;
        this.meters = meters;
        this.ivrMeters = ivrMeters;
        this.blocking = blocking;
        this.clock = clock;
        this.traces = new TraceWriter(repository, blocking, ivrMeters);
    }

    /** The batched trace writer (started and closed by {@link IvrModule}). */
    TraceWriter traces() {
        return traces;
    }

    public Clock clock() {
        return clock;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The caller ID in E.164, or empty when it is absent or not a phone number. */
    public String normalize(String callerId) {
        if (callerId == null || callerId.isBlank()) return "";
        try {
            return phones.normalize(callerId);
        } catch (InvalidPhoneNumberException e) {
            return "";
        }
    }

    public boolean validTicketNumber(String number) {
        return numbers.valid(number);
    }

    /** Inside the business calendar's opening hours now (start inclusive, end exclusive). */
    public boolean openNow() {
        ZonedDateTime now = clock.instant().atZone(calendar.zone());
        LocalTime t = now.toLocalTime();
        for (OpeningHours h : calendar.hoursOn(now.toLocalDate()))
            if (!t.isBefore(h.start()) && (t.isBefore(h.end()) || h.end().equals(LocalTime.MAX))) return true;
        return false;
    }

    /**
     * The caller's customer card, from the screen-pop's caller history (cached in Redis); at most
     * {@link #IDENTIFY_IN_FLIGHT} at once, the rest queue without holding a Redis connection.
     */
    public Future<Optional<CallerHistory.CustomerCard>> identify(String phone) {
        if (phone.isEmpty()) return Future.succeededFuture(Optional.empty());
        return identifying.submit(
                () -> callers.lookup(phone).map(h -> h.known() ? Optional.ofNullable(h.customer()) : Optional.empty()));
    }

    /**
     * The request's status and due time from one read of the request (its SLA clocks live in the same
     * document): one store round trip per status look-up, not two. A due time that cannot be worked
     * out is left unsaid; the status is still spoken.
     */
    public Future<Optional<RequestStatus>> lookup(String number) {
        if (!numbers.valid(number)) return Future.succeededFuture(Optional.empty());
        return blocking.run(() -> repository.requestClocks(number).map(r -> {
            Instant due;
            try {
                due = dueTimes.earliest(r.clocks()).orElse(null);
            } catch (RuntimeException e) {
                log.warn("IVR: due time of {} not worked out: {}", clip(number), e.toString());
                due = null;
            }
            return new RequestStatus(r.number(), r.status(), due);
        }));
    }

    /** Registers a request for the caller (channel ivr); fails when the caller ID is unusable. */
    public Future<String> register(String phone, String name, String category, String description) {
        if (phone.isEmpty()) return Future.failedFuture(new IllegalStateException("no usable caller ID"));
        TicketDraft draft = new TicketDraft(
                null,
                null,
                name == null || name.isBlank() ? null : name,
                phone,
                category,
                null,
                Severity.GENERAL,
                description,
                Channel.IVR,
                Escalation.PHONE,
                null);
        return tickets.create(draft, BY).map(t -> {
            meters.ticketCreated("ivr", "general");
            return t.number();
        });
    }

    /**
     * Promises a call back: due within the configured working time from now (after hours that counts
     * from the next opening), stored as an open task in {@code callbacks}.
     */
    public Future<Instant> callback(String phone, String reason, String ticket, String uniqueId, String source) {
        if (phone.isEmpty()) return Future.failedFuture(new IllegalStateException("no usable caller ID"));
        Instant now = clock.instant();
        Instant due = calendar.addWorkingTime(now, callbackWithin);
        String id = (uniqueId.isEmpty() ? Ids.newId() : uniqueId) + ":" + source;
        Callback cb = new Callback(id, phone, reason, source, now, due, "open", ticket, uniqueId);
        return blocking.run(() -> {
            repository.saveCallback(cb);
            ivrMeters.callback(source);
            return due;
        });
    }

    public Future<Void> survey(SurveyResult result) {
        return blocking.run(() -> {
            repository.saveSurvey(result);
            ivrMeters.survey(result.rating());
            return null;
        });
    }

    private volatile java.util.function.BiFunction<String, String, Future<Void>> complaintListener =
            (ticket, technician) -> Future.succeededFuture();

    /** Who registers a complaint filed in the IVR (the quality domain): request number, technician or null. */
    public void onComplaint(java.util.function.BiFunction<String, String, Future<Void>> listener) {
        this.complaintListener = listener;
    }

    /** Hands a complaint filed in the IVR (its request registered already) to the quality domain. */
    public Future<Void> complained(String ticket, String technician) {
        return complaintListener.apply(ticket, technician);
    }

    private volatile java.util.function.Consumer<IvrTrace> traceListener = t -> {};

    /** Who hears about each finished session (the call tracker, so pops and call records show the path). */
    public void onTrace(java.util.function.Consumer<IvrTrace> listener) {
        this.traceListener = listener;
    }

    /**
     * Hands the trace to the live call at once and queues it for the next batched write (within
     * every 100 ms), so the call never waits on the store; a failure is
     * logged and counted.
     */
    public void saveTrace(IvrTrace trace) {
        traceListener.accept(trace);
        traces.add(trace);
    }

    public Future<IvrTrace> trace(String uniqueId) {
        return blocking.run(() -> repository
                .findTrace(uniqueId)
                .orElseThrow(() -> new NotFoundException("no IVR session " + clip(uniqueId))));
    }

    public Future<SurveyResult> surveyOf(String uniqueId) {
        return blocking.run(() -> repository
                .findSurvey(uniqueId)
                .orElseThrow(() -> new NotFoundException("no survey for call " + clip(uniqueId))));
    }

    private static String clip(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) : s;
        return t.replaceAll("[^0-9A-Za-z.\\-]", "?");
    }
}
