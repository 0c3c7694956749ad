package org.callcenter.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callcenter.common.ConflictException;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.Ids;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.SlaEvents;
import org.callcenter.tickets.TicketRepository;

/**
 * Complaints (SERVICE-RULES §6): registered from a call, the IVR or SMS against a technician and/or a
 * request; the request's complaint_answer and complaint_on_scene clocks are started through the SLA
 * engine and stopped when the complaint is answered / someone is on scene; a supervisor verifies;
 * the ladder per technician counts verified complaints over a rolling window. Blocking methods.
 */
public final class ComplaintService {
    private final ComplaintRepository complaints;
    private final TechnicianDirectory technicians;
    private final TicketRepository tickets;
    private final EventPublisher events;
    private final QualityMeters meters;
    private final int windowMonths;
    private final Clock clock;

    public ComplaintService(
            ComplaintRepository complaints,
            TechnicianDirectory technicians,
            TicketRepository tickets,
            EventPublisher events,
            QualityMeters meters,
            int windowMonths,
            Clock clock) {
        this.complaints = complaints;
        this.technicians = technicians;
        this.tickets = tickets;
        this.events = events;
        this.meters = meters;
        this.windowMonths = windowMonths;
        this.clock = clock;
    }

    /**
     * Registers a complaint (the SMS domain calls this with source {@code SMS}); an unknown technician
     * or request is refused (400) before anything is stored.
     */
    public Complaint register(Complaint.Source source, String ticketId, String technicianId, String text, String by) {
        if (ticketId == null && technicianId == null)
            throw InvalidInputException.of("technicianId", "a complaint names a technician, a request, or both");
        if (technicianId != null && technicians.find(technicianId).isEmpty())
            throw InvalidInputException.of("technicianId", "no technician " + technicianId);
        if (ticketId != null && tickets.find(ticketId).isEmpty())
            throw InvalidInputException.of("ticketId", "no service request " + ticketId);
        Instant now = now();
        Complaint c = new Complaint(
                Ids.newId(),
                ticketId,
                technicianId,
                source,
                text,
                by,
                now,
                Complaint.Verification.PENDING,
                null,
                null,
                null,
                null,
                null,
                null);
        complaints.insert(c);
        if (ticketId != null) {
            events.publish(
                    SlaEvents.START_CLOCK,
                    new SlaEvents.StartClock(ticketId, ClockName.COMPLAINT_ANSWER, now, null, null));
            events.publish(
                    SlaEvents.START_CLOCK,
                    new SlaEvents.StartClock(ticketId, ClockName.COMPLAINT_ON_SCENE, now, null, null));
        }
        meters.complaint(source.name());
        events.publish(
                QualityEvents.COMPLAINT_REGISTERED,
                new QualityEvents.ComplaintRegistered(
                        c.id(), ticketId, technicianId, source.name().toLowerCase(java.util.Locale.ROOT), now));
        return c;
    }

    public Complaint get(String id) {
        return complaints.find(id).orElseThrow(() -> new NotFoundException("no complaint " + id));
    }

    public List<Complaint> ofTicket(String ticketId) {
        return complaints.ofTicket(ticketId);
    }

    /** The customer got an answer: stops the complaint_answer clock. Once only (409 after). */
    public Complaint answer(String id, String by) {
        Complaint c = get(id);
        if (c.answeredAt() != null) throw new ConflictException("complaint " + id + " was answered already", c);
        Complaint next = c.answered(by, now());
        complaints.save(next);
        stop(next, ClockName.COMPLAINT_ANSWER, next.answeredAt());
        return next;
    }

    /** Someone is on scene: stops the complaint_on_scene clock. Once only (409 after). */
    public Complaint onScene(String id) {
        return onScene(id, now());
    }

    /** Someone was on scene at {@code at} (a technician's arrival reported by dispatch). */
    public Complaint onScene(String id, Instant at) {
        Complaint c = get(id);
        if (c.onSceneAt() != null) throw new ConflictException("complaint " + id + " has someone on scene already", c);
        Complaint next = c.onScene(at);
        complaints.save(next);
        stop(next, ClockName.COMPLAINT_ON_SCENE, next.onSceneAt());
        return next;
    }

    /** A technician arrived on a request: every complaint of it still waiting for someone on scene has one now. */
    public int arrived(String ticketId, Instant at) {
        int n = 0;
        for (Complaint c : complaints.ofTicket(ticketId))
            if (c.onSceneAt() == null && !c.registeredAt().isAfter(at)) {
                onScene(c.id(), at);
                n++;
            }
        return n;
    }

    /** A supervisor verifies (counts on the ladder) or rejects (never counts) a pending complaint. */
    public Complaint verify(String id, boolean verified, String supervisor, String note) {
        Complaint c = get(id);
        if (c.verification() != Complaint.Verification.PENDING)
            throw new ConflictException(
                    "complaint " + id + " is " + c.verification().name().toLowerCase(java.util.Locale.ROOT)
                            + " already",
                    c);
        Complaint next = c.verified(verified, supervisor, now(), note);
        complaints.save(next);
        return next;
    }

    /** The technician's ladder over the window ending now. */
    public Ladder ladder(String technicianId) {
        return ladderAt(technicianId, now());
    }

    /** The ladder over the window ending at {@code asOf} (reports use the end of their month). */
    public Ladder ladderAt(String technicianId, Instant asOf) {
        if (technicians.find(technicianId).isEmpty()) throw new NotFoundException("no technician " + technicianId);
        Instant since = windowStart(asOf);
        return Ladder.of(
                technicianId,
                since,
                asOf,
                complaints.ofTechnician(technicianId, since),
                complaints.decisionsOf(technicianId, since));
    }

    /** Records a ladder step decided by a supervisor; out of order or not due: 409. */
    public Ladder decide(String technicianId, LadderStep step, String supervisor, String note) {
        Ladder ladder = ladder(technicianId);
        ladder.check(step);
        String complaint = ladder.complaintIds().get(step.level() - 1);
        LadderDecision d = new LadderDecision(
                technicianId + ":" + step.key() + ":" + complaint,
                technicianId,
                step,
                complaint,
                supervisor,
                now(),
                note);
        if (!complaints.insertDecision(d))
            throw new ConflictException(step.key() + " was just decided by someone else", ladder(technicianId));
        meters.ladderStep(step.key());
        return ladder(technicianId);
    }

    /** The start of the rolling window ending at {@code asOf}. */
    public Instant windowStart(Instant asOf) {
        return asOf.atZone(ZoneOffset.UTC).minusMonths(windowMonths).toInstant();
    }

    private void stop(Complaint c, ClockName name, Instant at) {
        if (c.ticketId() != null) events.publish(SlaEvents.STOP_CLOCK, new SlaEvents.StopClock(c.ticketId(), name, at));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
