package org.callcenter.dispatch;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketRepository;

/**
 * A customer's complaint by SMS: {@code COMPLAINT [ticket] <text>} (or {@code COMPLAIN}, any case).
 * The sender is matched to a customer by phone; the complaint is against the named request (it must
 * be the customer's) or the customer's most recent one, and the technician of its latest visit if it
 * had one. The reply names the complaint. Unknown sender, unknown or foreign request, or no text: a
 * reply saying why, and nothing is created. Blocking.
 */
final class SmsComplaints {
    static final String USAGE = "Usage: COMPLAINT [ticket number] <what went wrong>. No complaint was recorded.";
    private static final int MAX_TEXT = 1600;

    private final CustomerRepository customers;
    private final TicketRepository tickets;
    private final VisitRepository visits;
    private final TicketNumbers numbers;
    private final VisitSteps steps;
    private volatile DispatchPorts.Complaints port;

    SmsComplaints(
            CustomerRepository customers,
            TicketRepository tickets,
            VisitRepository visits,
            TicketNumbers numbers,
            VisitSteps steps) {
        this.customers = customers;
        this.tickets = tickets;
        this.visits = visits;
        this.numbers = numbers;
        this.steps = steps;
    }

    /** The quality domain's complaint intake (wired once the quality module exists). */
    void use(DispatchPorts.Complaints port) {
        this.port = port;
    }

    /** True when the text starts with the COMPLAINT / COMPLAIN keyword. */
    static boolean matches(String text) {
        String first = text.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return first.equals("COMPLAINT") || first.equals("COMPLAIN");
    }

    /** Handles a COMPLAINT text from {@code sender} (E.164, or null when the number is unreadable). */
    String handle(String sender, String text) {
        String[] words = text.strip().split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        String named = null;
        String[] first = rest.split("\\s+", 2);
        // a number of a ticket's length names the request; any other number is part of the text
        // ("COMPLAINT 2000 yuan charged twice")
        if (first[0].length() == numbers.digits() && first[0].chars().allMatch(Character::isDigit)) {
            named = first[0];
            rest = first.length > 1 ? first[1].strip() : "";
        }
        if (rest.isEmpty()) return refused("malformed", USAGE);
        Optional<String> customerId = sender == null ? Optional.empty() : customers.customerIdForPhone(sender);
        if (customerId.isEmpty())
            return refused(
                    "unknown_sender",
                    "This number does not belong to a customer of ours, so no complaint was recorded."
                            + " Please call our hotline.");
        Optional<Ticket> ticket;
        if (named != null) {
            if (!numbers.valid(named))
                return refused(
                        "invalid_ticket", "'" + named + "' is not a valid ticket number; no complaint was recorded.");
            // someone else's request is answered like a missing one: nothing is revealed about it
            ticket = tickets.find(named).filter(t -> customerId.get().equals(t.customerId()));
            if (ticket.isEmpty())
                return refused(
                        "unknown_ticket",
                        "We have no request " + named + " for this number; no complaint was recorded.");
        } else {
            ticket = latest(customerId.get());
            if (ticket.isEmpty())
                return refused(
                        "no_request",
                        "We found no service request for this number, so no complaint was recorded."
                                + " Please call our hotline.");
        }
        DispatchPorts.Complaints intake = port;
        if (intake == null)
            return refused("unavailable", "Complaints cannot be taken by SMS right now; please call our hotline.");
        String number = ticket.get().number();
        String technician = visits.forTicket(number).stream()
                .max(Comparator.comparing(Visit::assignedAt))
                .map(Visit::technicianId)
                .orElse(null);
        String body = rest.length() > MAX_TEXT ? rest.substring(0, MAX_TEXT) : rest;
        String id = intake.register(number, technician, body, sender);
        return "Your complaint " + id + " about request " + number
                + " is registered. We will answer within 1 hour and send someone if a visit is needed.";
    }

    /** The customer's most recently opened request. */
    private Optional<Ticket> latest(String customerId) {
        Optional<Customer> customer = customers.findById(customerId);
        if (customer.isEmpty() || customer.get().ticketNumbers() == null) return Optional.empty();
        return tickets.findAll(customer.get().ticketNumbers()).stream()
                .filter(t -> t.openedAt() != null)
                .max(Comparator.comparing(Ticket::openedAt));
    }

    private String refused(String reason, String reply) {
        steps.refused(reason);
        return reply;
    }
}
