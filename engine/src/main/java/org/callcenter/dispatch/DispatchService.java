package org.callcenter.dispatch;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callcenter.common.ConflictException;
import org.callcenter.common.Ids;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Region;
import org.callcenter.dispatch.DispatchInputs.DispatchOrder;
import org.callcenter.sla.ClockName;
import org.callcenter.sms.SmsTemplates;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketRepository;

/**
 * On-site dispatch (SERVICE-RULES §4 steps 2-4): the request is escalated to on-site, a technician
 * on duty is assigned at once (the on-site arrival clock starts), and the appointment agreed with
 * the customer is recorded (the customer gets an SMS; the appointment clock starts). Each step shows
 * in the request's history. Technicians themselves are managed by {@link TechnicianService}.
 */
public final class DispatchService {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TechnicianRepository technicians;
    private final VisitRepository visits;
    private final TicketRepository tickets;
    private final CustomerRepository customers;
    private final DispatchPorts.Escalate escalate;
    private final DispatchPorts.Clocks clocks;
    private final DispatchPorts.Feedback feedback;
    private final VisitSteps steps;
    private final org.callcenter.sla.ClockLock oneAtATime;
    private final Blocking blocking;
    private final Clock clock;
    private final ZoneId zone;

    DispatchService(
            TechnicianRepository technicians,
            VisitRepository visits,
            TicketRepository tickets,
            CustomerRepository customers,
            DispatchPorts.Escalate escalate,
            DispatchPorts.Clocks clocks,
            DispatchPorts.Feedback feedback,
            VisitSteps steps,
            org.callcenter.sla.ClockLock oneAtATime,
            Blocking blocking,
            Clock clock,
            ZoneId zone) {
        this.technicians = technicians;
        this.visits = visits;
        this.tickets = tickets;
        this.customers = customers;
        this.escalate = escalate;
        this.clocks = clocks;
        this.feedback = feedback;
        this.steps = steps;
        this.oneAtATime = oneAtATime;
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
    }

    /** Escalates the request to on-site and assigns the technician (and the appointment, if given). */
    public Future<Visit> dispatch(String number, DispatchOrder order, String by) {
        checkWindow(order.appointmentStart(), order.appointmentEnd());
        return blocking.run(() -> oneAtATime.locked(number, () -> {
            Ticket ticket =
                    tickets.find(number).orElseThrow(() -> new NotFoundException("no service request " + number));
            if (!ticket.open())
                throw InvalidInputException.unprocessable(
                        "status",
                        "request " + number + " is " + ticket.status().name().toLowerCase() + "; reopen it first");
            Technician t = technicians
                    .find(order.technicianId())
                    .orElseThrow(() -> InvalidInputException.unprocessable(
                            "technicianId", "no technician " + order.technicianId()));
            if (!t.onDuty()) throw InvalidInputException.unprocessable("technicianId", t.name() + " is not on duty");
            if (order.skill() != null && !t.hasSkill(order.skill()))
                throw InvalidInputException.unprocessable(
                        "skill", t.name() + " does not have the skill " + order.skill());
            Optional<Customer> customer =
                    ticket.customerId() == null ? Optional.empty() : customers.findById(ticket.customerId());
            Region region = customer.map(Customer::region).orElse(null);
            if (region != null && region != t.region() && !order.allowOtherRegion())
                throw InvalidInputException.unprocessable(
                        "technicianId",
                        t.name() + " works in region " + t.region().name().toLowerCase() + ", the customer is in "
                                + region.name().toLowerCase() + " (set allowOtherRegion to send them anyway)");
            Optional<Visit> open =
                    visits.forTicket(number).stream().filter(v -> !v.complete()).findFirst();
            if (open.isPresent())
                throw new ConflictException("request " + number + " already has a visit in progress", open.get());
            if (ticket.escalation() != Escalation.ONSITE) escalate.toOnsite(number, by);
            Instant now = clock.instant();
            Visit visit = new Visit(
                    Ids.newId(),
                    number,
                    number,
                    ticket.customerId(),
                    t.id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Consent.NONE,
                    null,
                    null,
                    null,
                    ticket.phone(),
                    customer.map(Customer::language).orElse(null),
                    now,
                    null,
                    now);
            visits.insert(visit);
            steps.counted("dispatched");
            steps.note(visit, by, DispatchEvents.DISPATCHED, "technician " + t.name() + " (" + t.id() + ") assigned");
            clocks.start(number, ClockName.ONSITE_ARRIVAL, now, region != null ? region : t.region(), null);
            if (order.appointmentStart() != null)
                appoint(visit, t, order.appointmentStart(), order.appointmentEnd(), by);
            return steps.reload(visit);
        }));
    }

    /** Records (or moves) the appointment agreed with the customer. */
    public Future<Visit> appointment(String visitId, Instant start, Instant end, String by) {
        if (start == null || end == null)
            throw InvalidInputException.of("appointmentStart", "start and end are required");
        checkWindow(start, end);
        return blocking.run(() -> {
            Visit v = visit(visitId);
            if (v.arrivedAt() != null)
                throw InvalidInputException.unprocessable("appointmentStart", "the technician has already arrived");
            Technician t = technicians.find(v.technicianId()).orElseThrow();
            appoint(v, t, start, end, by);
            return steps.reload(v);
        });
    }

    private void appoint(Visit v, Technician t, Instant start, Instant end, String by) {
        Instant now = clock.instant();
        visits.setAppointment(v.id(), start, end, now);
        String window = DAY_TIME.format(start.atZone(zone)) + "-" + TIME.format(end.atZone(zone));
        steps.counted("appointment");
        steps.note(v, by, DispatchEvents.APPOINTMENT, "appointment agreed with the customer: " + window);
        clocks.start(v.ticketNumber(), ClockName.APPOINTMENT, now, null, end);
        steps.text(
                v,
                "assigned:" + start.toEpochMilli(),
                SmsTemplates.TECHNICIAN_ASSIGNED,
                Map.of("technician", t.name(), "appointment", window));
        if (v.customerPhone() != null)
            feedback.given(v.ticketNumber(), "SMS to the customer: technician " + t.name() + " on " + window, by);
    }

    private void checkWindow(Instant start, Instant end) {
        if ((start == null) != (end == null))
            throw InvalidInputException.of(
                    "appointmentEnd", "give both appointmentStart and appointmentEnd, or neither");
        if (start != null && !end.isAfter(start))
            throw InvalidInputException.of("appointmentEnd", "must be after appointmentStart");
        if (end != null && !end.isAfter(clock.instant()))
            throw InvalidInputException.of("appointmentEnd", "must be in the future");
    }

    public Future<Visit> get(String visitId) {
        return blocking.run(() -> visit(visitId));
    }

    public Future<List<Visit>> ofTicket(String number) {
        return blocking.run(() -> {
            if (tickets.find(number).isEmpty()) throw new NotFoundException("no service request " + number);
            return visits.forTicket(number);
        });
    }

    /** Departures waiting for the customer's YES (what supervisors follow up). */
    public Future<List<Visit>> pendingConsent() {
        return blocking.run(() -> visits.pendingConsent().stream()
                .sorted(Comparator.comparing(Visit::departedAt))
                .toList());
    }

    /** The technician's visit report (replaces an earlier one; the history keeps each). */
    public Future<Visit> report(String visitId, String text, String by) {
        return blocking.run(() -> {
            Visit v = visit(visitId);
            if (v.arrivedAt() == null)
                throw InvalidInputException.unprocessable("text", "the technician has not arrived yet");
            if (!steps.report(v, text, by)) throw new NotFoundException("no visit " + visitId);
            return steps.reload(v);
        });
    }

    /** The request as JSON (from the view before) with its visits. */
    public Future<Object> withVisits(Ticket t, Object json) {
        return blocking.run(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json instanceof Map<?, ?> m
                    ? (Map<String, Object>) m
                    : org.callcenter.common.JsonMapper.mapper().convertValue(json, Map.class);
            map.put("visits", visits.forTicket(t.number()));
            return map;
        });
    }

    private Visit visit(String id) {
        return visits.find(id).orElseThrow(() -> new NotFoundException("no visit " + sanitize(id)));
    }

    static String sanitize(String s) {
        if (s == null) return "null";
        return (s.length() > 40 ? s.substring(0, 40) : s).replaceAll("[^0-9A-Za-z-]", "?");
    }
}
