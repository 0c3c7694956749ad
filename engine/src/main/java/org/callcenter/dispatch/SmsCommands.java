package org.callcenter.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.sms.InboundRouter;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketRepository;

/**
 * Texts to the service number that are about visits. From a technician's mobile: {@code ARRIVE
 * <ticket>}, {@code DEPART <ticket> [report]}, {@code HELP} (any case, extra spaces ignored). From a
 * customer: {@code COMPLAINT [ticket] <text>} (see {@link SmsComplaints}), {@code YES} (consent),
 * {@code 1}-{@code 5} (rating), anything else a note and a help reply, all matched to the newest
 * unrated visit texted to that number. A command that cannot be
 * carried out gets a reply saying why, and nothing changes. Blocking.
 */
final class SmsCommands implements InboundRouter {
    static final String HELP = "Commands: ARRIVE <ticket> when you arrive; DEPART <ticket> [report] when you leave;"
            + " HELP for this list.";
    static final String CUSTOMER_HELP = "We could not match your message to a visit. Reply YES to confirm a"
            + " completed visit, 1-5 to rate it, COMPLAINT <text> to complain, STOP to opt out; for anything else"
            + " please call our hotline.";

    private final TechnicianRepository technicians;
    private final VisitRepository visits;
    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final PhoneNumbers phones;
    private final VisitSteps steps;
    private final SmsComplaints complaints;

    SmsCommands(
            TechnicianRepository technicians,
            VisitRepository visits,
            TicketRepository tickets,
            TicketNumbers numbers,
            PhoneNumbers phones,
            VisitSteps steps,
            SmsComplaints complaints) {
        this.technicians = technicians;
        this.visits = visits;
        this.tickets = tickets;
        this.numbers = numbers;
        this.phones = phones;
        this.steps = steps;
        this.complaints = complaints;
    }

    @Override
    public Optional<String> route(String from, String body) {
        String sender = normalize(from);
        String[] words = body.strip().split("\\s+", 3);
        String command = words[0].toUpperCase(Locale.ROOT);
        boolean technicianCommand = command.equals("ARRIVE") || command.equals("DEPART");
        Optional<Technician> technician = sender == null ? Optional.empty() : technicians.findByMobile(sender);
        if (technician.isPresent()) return Optional.of(technician(technician.get(), command, words));
        if (technicianCommand)
            return Optional.of(
                    refused("unregistered", "This number is not registered as a technician; nothing was recorded."));
        return Optional.of(customer(sender, body.strip()));
    }

    private String technician(Technician t, String command, String[] words) {
        switch (command) {
            case "HELP":
                return HELP;
            case "ARRIVE":
                if (words.length != 2) return refused("malformed", "Usage: ARRIVE <ticket>. Nothing was recorded.");
                break;
            case "DEPART":
                if (words.length < 2)
                    return refused("malformed", "Usage: DEPART <ticket> [report]. Nothing was recorded.");
                break;
            default:
                return refused("malformed", "Unknown command '" + shorten(words[0]) + "'. " + HELP);
        }
        String ticket = words[1];
        if (!numbers.valid(ticket))
            return refused(
                    "invalid_ticket", "'" + shorten(ticket) + "' is not a valid ticket number; nothing was recorded.");
        if (tickets.find(ticket).isEmpty())
            return refused("unknown_ticket", "There is no request " + ticket + "; nothing was recorded.");
        List<Visit> all = visits.forTicket(ticket);
        Optional<Visit> mine = all.stream()
                .filter(v -> v.technicianId().equals(t.id()) && v.departedAt() == null)
                .max(Comparator.comparing(Visit::assignedAt));
        if (mine.isEmpty()) {
            boolean left = all.stream().anyMatch(v -> v.technicianId().equals(t.id()));
            return left
                    ? refused(
                            "repeated", "Your visit to request " + ticket + " is already signed off; nothing changed.")
                    : refused("not_assigned", "Request " + ticket + " is not assigned to you; nothing was recorded.");
        }
        if (command.equals("ARRIVE")) return steps.arrive(mine.get(), t);
        String report = words.length > 2 ? words[2].strip() : null;
        if (report != null && report.length() > 1600) report = report.substring(0, 1600);
        return steps.depart(mine.get(), t, report);
    }

    private String customer(String sender, String text) {
        if (SmsComplaints.matches(text)) return complaints.handle(sender, text);
        Optional<Visit> visit = sender == null ? Optional.empty() : visits.latestUnratedForPhone(sender);
        if (visit.isEmpty()) return CUSTOMER_HELP;
        String word = text.toUpperCase(Locale.ROOT);
        if (word.equals("YES") || word.equals("Y") || word.equals("是")) return steps.consent(visit.get());
        if (word.length() == 1 && word.charAt(0) >= '1' && word.charAt(0) <= '5')
            return steps.rate(visit.get(), word.charAt(0) - '0');
        return steps.other(visit.get(), text.length() > 1600 ? text.substring(0, 1600) : text);
    }

    private String refused(String reason, String reply) {
        steps.refused(reason);
        return reply;
    }

    private String normalize(String from) {
        try {
            return phones.normalize(from);
        } catch (InvalidPhoneNumberException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        String t = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        return t.replaceAll("[^\\p{L}\\p{N}\\-]", "?");
    }
}
