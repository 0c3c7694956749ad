package org.callcenter.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callcenter.customers.CustomerChangeListener;
import org.callcenter.sla.ClockName;
import org.callcenter.sms.SmsTemplates;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a visit after dispatch (SERVICE-RULES §4, 5-7): arrival, departure, the customer's
 * consent and rating, the report. Each is recorded once (a repeated SMS changes nothing), shows in
 * the request's history, texts the customer as the rules say and is published. Blocking.
 */
final class VisitSteps {
    private static final Logger log = LoggerFactory.getLogger(VisitSteps.class);

    private final VisitRepository visits;
    private final TicketRepository tickets;
    private final CustomerChangeListener history;
    private final DispatchPorts.Texts texts;
    private final DispatchPorts.Clocks clocks;
    private final DispatchEvents.Publisher events;
    private final Clock clock;
    private final org.callcenter.metrics.DispatchMeters meters;

    VisitSteps(
            VisitRepository visits,
            TicketRepository tickets,
            CustomerChangeListener history,
            DispatchPorts.Texts texts,
            DispatchPorts.Clocks clocks,
            DispatchEvents.Publisher events,
            org.callcenter.metrics.DispatchMeters meters,
            Clock clock) {
        this.meters = meters;
        this.visits = visits;
        this.tickets = tickets;
        this.history = history;
        this.texts = texts;
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
    }

    /** ARRIVE: the time, punctuality against the appointment window; the clocks stop. */
    String arrive(Visit v, Technician t) {
        Instant now = clock.instant();
        String ticket = v.ticketNumber();
        if (v.arrivedAt() != null)
            return refusedReply("repeated", "Arrival at request " + ticket + " was already recorded; nothing changed.");
        Boolean punctual = null;
        Integer late = null;
        if (v.appointmentEnd() != null) {
            long seconds = Duration.between(v.appointmentEnd(), now).toSeconds();
            late = seconds <= 0 ? 0 : (int) ((seconds + 59) / 60);
            punctual = late == 0;
        }
        if (!visits.arrived(v.id(), now, punctual, late))
            return refusedReply("repeated", "Arrival at request " + ticket + " was already recorded; nothing changed.");
        meters.step("arrived");
        meters.arrival(punctual);
        String how = punctual == null ? "no appointment was recorded" : punctual ? "on time" : late + " min late";
        stopClock(ticket, ClockName.ONSITE_ARRIVAL, now);
        if (v.appointmentEnd() != null) stopClock(ticket, ClockName.APPOINTMENT, now);
        // a complaint's "technician on scene" clock stops too, if the request has one (§3)
        stopClock(ticket, ClockName.COMPLAINT_ON_SCENE, now);
        note(v, t.id(), DispatchEvents.VISIT_ARRIVED, "technician " + t.name() + " arrived (" + how + ")");
        text(v, "arrived", SmsTemplates.TECHNICIAN_ARRIVED, Map.of("technician", t.name()));
        Visit after = reload(v);
        events.publish(DispatchEvents.ARRIVED, DispatchEvents.arrived(after));
        return "Arrival at request " + ticket + " recorded (" + how + "). Text DEPART " + ticket + " when you leave.";
    }

    /** DEPART: complete if the customer said YES already, otherwise pending their consent. */
    String depart(Visit v, Technician t, String report) {
        Instant now = clock.instant();
        String ticket = v.ticketNumber();
        if (v.arrivedAt() == null)
            return refusedReply(
                    "malformed",
                    "No arrival recorded at request " + ticket + ": text ARRIVE " + ticket
                            + " first. Nothing changed.");
        if (v.departedAt() != null)
            return refusedReply(
                    "repeated", "Departure from request " + ticket + " was already recorded; nothing changed.");
        Consent consent = v.consent() == Consent.GIVEN ? Consent.GIVEN : Consent.PENDING;
        if (!visits.departed(v.id(), now, consent, report))
            return refusedReply(
                    "repeated", "Departure from request " + ticket + " was already recorded; nothing changed.");
        note(
                v,
                t.id(),
                DispatchEvents.VISIT_DEPARTED,
                "technician " + t.name() + " left"
                        + (consent == Consent.GIVEN ? "; the customer confirmed" : "; waiting for the customer's YES"));
        meters.step("departed");
        if (report != null) note(v, t.id(), DispatchEvents.VISIT_REPORT, report);
        if (consent == Consent.GIVEN) text(v, "rate", SmsTemplates.RATE_SERVICE, Map.of());
        else text(v, "consent", SmsTemplates.VISIT_CONSENT, Map.of());
        Visit after = reload(v);
        events.publish(DispatchEvents.DEPARTED, DispatchEvents.departed(after));
        if (consent == Consent.PENDING)
            events.publish(
                    org.callcenter.screenpop.ScreenPopEvents.SUPERVISORS,
                    new io.vertx.core.json.JsonObject()
                            .put("type", DispatchEvents.POP_PENDING_CONSENT)
                            .put("technician", t.name())
                            .put("visit", DispatchEvents.departed(after)));
        return consent == Consent.GIVEN
                ? "Departure from request " + ticket + " recorded. Thank you."
                : "Departure from request " + ticket
                        + " recorded as pending: the customer has not confirmed yet; we asked them to reply YES.";
    }

    /** The customer's YES: consent; a departure waiting for it becomes complete. */
    String consent(Visit v) {
        String ticket = v.ticketNumber();
        if (v.arrivedAt() == null)
            return "Thank you. The technician has not arrived yet for request " + ticket
                    + "; reply YES once the work is done.";
        if (v.consent() == Consent.GIVEN || !visits.consented(v.id(), clock.instant()))
            return "Thank you, your confirmation for request " + ticket + " is already recorded.";
        meters.step("consent");
        note(v, "customer", DispatchEvents.VISIT_CONSENT, "customer confirmed the visit is complete (SMS YES)");
        if (v.departedAt() != null) {
            text(v, "rate", SmsTemplates.RATE_SERVICE, Map.of());
            return "Thank you for confirming request " + ticket + ".";
        }
        return "Thank you for confirming request " + ticket + ". The technician will now sign off.";
    }

    /** A digit 1-5 after the visit: its rating, for its technician. */
    String rate(Visit v, int rating) {
        String ticket = v.ticketNumber();
        if (v.departedAt() == null)
            return "Thank you. You can rate request " + ticket + " once the visit is over; reply YES when it is.";
        Instant now = clock.instant();
        if (!visits.rated(v.id(), rating, now))
            return "Thank you, your rating for request " + ticket + " is already recorded.";
        meters.step("rated");
        note(v, "customer", DispatchEvents.VISIT_RATED, "customer rated the visit " + rating + "/5 (SMS)");
        events.publish(DispatchEvents.RATED, DispatchEvents.rated(reload(v)));
        return "Thank you for rating request " + ticket + ": " + rating + "/5.";
    }

    /** Anything else a customer texts: attached to the request as a note, and a short help. */
    String other(Visit v, String body) {
        note(v, "customer", DispatchEvents.CUSTOMER_SMS, body.strip());
        return "Request " + v.ticketNumber()
                + ": we added your message to the request. Reply YES when the visit is complete, 1-5 to rate it,"
                + " COMPLAINT <text> to complain, STOP to opt out.";
    }

    /** The technician's report (API, or the text after DEPART). */
    boolean report(Visit v, String text, String by) {
        if (!visits.report(v.id(), text, clock.instant())) return false;
        meters.step("report");
        note(v, by, DispatchEvents.VISIT_REPORT, text);
        return true;
    }

    void counted(String step) {
        meters.step(step);
    }

    void refused(String reason) {
        meters.refused(reason);
    }

    private String refusedReply(String reason, String reply) {
        meters.refused(reason);
        return reply;
    }

    void note(Visit v, String by, String type, String text) {
        tickets.append(v.ticketNumber(), new TicketEvent(clock.instant(), by, type, text, List.of()));
        if (v.customerId() != null) history.customerChanged(v.customerId(), List.of());
    }

    void text(Visit v, String step, String template, Map<String, String> values) {
        if (v.customerPhone() == null) return;
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("ticket", v.ticketNumber());
        texts.send("visit:" + v.id() + ":" + step, template, v.language(), v.customerPhone(), all, v.ticketNumber());
    }

    private void stopClock(String ticket, ClockName name, Instant at) {
        try {
            clocks.stop(ticket, name, at);
        } catch (RuntimeException e) {
            log.warn("visit on {}: {} clock not stopped: {}", ticket, name.key(), e.toString());
        }
    }

    Visit reload(Visit v) {
        return visits.find(v.id()).orElse(v);
    }
}
