package org.callcenter.tickets;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.callcenter.common.ConflictException;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerChangeListener;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Installation;
import org.callcenter.customers.PhonesClaimedListener;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;

/** Decisions about service requests: registration, numbering, status moves, history, concurrency. */
public final class TicketService implements PhonesClaimedListener {
    private static final int NUMBER_ATTEMPTS = 20;
    private static final int FEEDBACK_ATTEMPTS = 5;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final TicketRepository tickets;
    private final CustomerRepository customers;
    private final TicketNumbers numbers;
    private final PhoneNumbers phoneNumbers;
    private final CustomerChangeListener changes;
    private final EventPublisher events;
    private final Blocking blocking;
    private final Clock clock;

    public TicketService(
            TicketRepository tickets,
            CustomerRepository customers,
            TicketNumbers numbers,
            PhoneNumbers phoneNumbers,
            CustomerChangeListener changes,
            EventPublisher events,
            Blocking blocking,
            Clock clock) {
        this.tickets = tickets;
        this.customers = customers;
        this.numbers = numbers;
        this.phoneNumbers = phoneNumbers;
        this.changes = changes;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
    }

    public Future<Ticket> create(TicketDraft draft, String by) {
        String phone = normalize(draft.phone());
        Instant now = clock.instant();
        if (draft.openedAt() != null && draft.openedAt().isAfter(now.plus(FUTURE_TOLERANCE)))
            throw InvalidInputException.of("openedAt", "must not be in the future");
        return blocking.run(() -> {
            String customerId = resolveCustomer(draft.customerId(), phone);
            Installation installation = resolveInstallation(draft.installationId(), customerId);
            String product =
                    draft.product() != null ? draft.product() : installation != null ? installation.product() : null;
            Instant openedAt = draft.openedAt() != null ? draft.openedAt() : now;
            String text = draft.openedAt() != null
                    ? "imported; opened " + openedAt
                    : "registered via " + draft.channel().name().toLowerCase();
            TicketEvent created = new TicketEvent(now, by, TicketEvent.CREATED, text, List.of());
            for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
                String number = numbers.next();
                Ticket ticket = new Ticket(
                        number,
                        customerId,
                        installation != null ? installation.id() : null,
                        draft.contactName(),
                        phone,
                        draft.category(),
                        product,
                        draft.severity(),
                        draft.description(),
                        draft.channel(),
                        draft.escalation(),
                        TicketStatus.REGISTERED,
                        null,
                        openedAt,
                        by,
                        null,
                        null,
                        null,
                        now,
                        1,
                        List.of(created));
                // index first: a listed number without a ticket (or with another customer's) is skipped on read
                if (customerId != null) customers.addTicketNumber(customerId, number);
                if (tickets.insert(ticket)) {
                    if (customerId != null) changes.customerChanged(customerId, List.of());
                    else tickets.rememberUnlinked(phone, number);
                    events.publish(
                            TicketEvents.OPENED,
                            new TicketEvents.TicketOpened(
                                    number, customerId, ticket.severity(), ticket.channel(), openedAt));
                    return ticket;
                }
            }
            throw new IllegalStateException("no free ticket number after " + NUMBER_ATTEMPTS + " attempts");
        });
    }

    /**
     * Requests registered from these numbers before they were a customer's now belong to it, so the
     * customer's history shows them. Idempotent: safe to run again after a crash half-way.
     */
    @Override
    public void phonesClaimed(String customerId, Collection<String> phones) {
        Instant now = clock.instant();
        for (String phone : phones) {
            for (String number : tickets.unlinked(phone)) {
                customers.addTicketNumber(customerId, number);
                TicketEvent linked = new TicketEvent(
                        now,
                        "system",
                        TicketEvent.UPDATED,
                        "linked to customer " + customerId,
                        List.of(new TicketEvent.Change("customerId", null, customerId)));
                tickets.linkCustomer(number, customerId, linked);
            }
            tickets.forgetUnlinked(phone);
        }
    }

    public Future<Ticket> get(String number) {
        checkNumber(number);
        return blocking.run(() -> find(number));
    }

    public Future<List<Ticket>> search(TicketQuery query) {
        return blocking.run(() -> tickets.search(query));
    }

    /** Applies {@code patch} if {@code expectedVersion} is current; 409 with the stored request if not. */
    public Future<Ticket> update(String number, long expectedVersion, TicketPatch patch, String by) {
        checkNumber(number);
        return blocking.run(() -> {
            Ticket current = find(number);
            if (current.version() != expectedVersion) throw conflict(current, expectedVersion);
            Instant now = clock.instant();
            Ticket updated = apply(current, patch, now);
            List<TicketEvent.Change> diff = diff(current, updated);
            if (diff.isEmpty() && patch.note().isEmpty()) return current;
            TicketEvent event =
                    new TicketEvent(now, by, TicketEvent.UPDATED, patch.note().orElse(null), diff);
            if (!tickets.update(updated, expectedVersion, event)) throw conflict(find(number), expectedVersion);
            afterChange(current, updated, now);
            return find(number);
        });
    }

    /** Appends a note; notes never conflict with other edits. */
    public Future<Ticket> addNote(String number, String text, String by) {
        checkNumber(number);
        return blocking.run(() -> {
            TicketEvent note = new TicketEvent(clock.instant(), by, TicketEvent.NOTE, text, List.of());
            if (!tickets.append(number, note)) throw notFound(number);
            Ticket ticket = find(number);
            if (ticket.customerId() != null) changes.customerChanged(ticket.customerId(), List.of());
            return ticket;
        });
    }

    /**
     * Records that the customer got feedback (the 1-hour promise): the first time sets feedbackAt
     * and moves a registered request to feedback_given; later ones only add to the history.
     */
    public Future<Ticket> recordFeedback(String number, String text, String by) {
        checkNumber(number);
        return blocking.run(() -> {
            for (int attempt = 0; attempt < FEEDBACK_ATTEMPTS; attempt++) {
                Ticket current = find(number);
                if (current.status() == TicketStatus.CLOSED)
                    throw InvalidInputException.unprocessable("status", "the request is closed");
                Instant now = clock.instant();
                TicketStatus status =
                        current.status() == TicketStatus.REGISTERED ? TicketStatus.FEEDBACK_GIVEN : current.status();
                Ticket updated = with(current, status, current.feedbackAt() != null ? current.feedbackAt() : now, now);
                TicketEvent event = new TicketEvent(now, by, TicketEvent.FEEDBACK, text, diff(current, updated));
                if (tickets.update(updated, current.version(), event)) {
                    afterChange(current, updated, now);
                    if (current.feedbackAt() == null)
                        events.publish(TicketEvents.FEEDBACK_GIVEN, new TicketEvents.FeedbackGiven(number, now, by));
                    return find(number);
                }
            }
            throw conflict(find(number), -1);
        });
    }

    private void afterChange(Ticket before, Ticket after, Instant now) {
        if (after.customerId() != null) changes.customerChanged(after.customerId(), List.of());
        events.publish(
                TicketEvents.CHANGED,
                new TicketEvents.TicketChanged(
                        after.number(),
                        after.customerId(),
                        before.status(),
                        after.status(),
                        after.severity(),
                        before.version() + 1,
                        now));
    }

    private Ticket apply(Ticket t, TicketPatch p, Instant now) {
        if (t.status() == TicketStatus.CLOSED)
            throw InvalidInputException.unprocessable(
                    "status", "a closed request cannot be changed; register a new one");
        TicketStatus status = p.status().orElse(t.status());
        if (!t.status().canMoveTo(status))
            throw InvalidInputException.unprocessable(
                    "status", "cannot move from " + lower(t.status()) + " to " + lower(status));
        // leaving "transferred" (taken back) forgets the department unless a new one is given
        String transferredTo = p.transferredTo()
                .orElse(
                        t.status() == TicketStatus.TRANSFERRED && status != TicketStatus.TRANSFERRED
                                ? null
                                : t.transferredTo());
        if (status == TicketStatus.TRANSFERRED && transferredTo == null)
            throw InvalidInputException.of("transferredTo", "is required when the status is transferred");
        String installationId = t.installationId();
        if (p.installationId().isPresent()) {
            installationId = resolveInstallation(p.installationId().get(), t.customerId())
                    .id();
        }
        Instant feedbackAt = status == TicketStatus.FEEDBACK_GIVEN && t.feedbackAt() == null ? now : t.feedbackAt();
        Instant resolvedAt = status == TicketStatus.RESOLVED && t.status() != TicketStatus.RESOLVED
                ? now
                : status == TicketStatus.IN_PROGRESS ? null : t.resolvedAt();
        Instant closedAt = status == TicketStatus.CLOSED && t.status() != TicketStatus.CLOSED ? now : t.closedAt();
        return new Ticket(
                t.number(),
                t.customerId(),
                installationId,
                p.contactName().orElse(t.contactName()),
                t.phone(),
                p.category().orElse(t.category()),
                p.product().orElse(t.product()),
                p.severity().orElse(t.severity()),
                p.description().orElse(t.description()),
                t.channel(),
                p.escalation().orElse(t.escalation()),
                status,
                transferredTo,
                t.openedAt(),
                t.createdBy(),
                feedbackAt,
                resolvedAt,
                closedAt,
                now,
                t.version() + 1,
                t.history());
    }

    private static Ticket with(Ticket t, TicketStatus status, Instant feedbackAt, Instant now) {
        return new Ticket(
                t.number(),
                t.customerId(),
                t.installationId(),
                t.contactName(),
                t.phone(),
                t.category(),
                t.product(),
                t.severity(),
                t.description(),
                t.channel(),
                t.escalation(),
                status,
                t.transferredTo(),
                t.openedAt(),
                t.createdBy(),
                feedbackAt,
                t.resolvedAt(),
                t.closedAt(),
                now,
                t.version() + 1,
                t.history());
    }

    static List<TicketEvent.Change> diff(Ticket a, Ticket b) {
        List<TicketEvent.Change> out = new ArrayList<>();
        compare(out, "contactName", a.contactName(), b.contactName());
        compare(out, "category", a.category(), b.category());
        compare(out, "product", a.product(), b.product());
        compare(out, "severity", lower(a.severity()), lower(b.severity()));
        compare(out, "description", a.description(), b.description());
        compare(out, "escalation", lower(a.escalation()), lower(b.escalation()));
        compare(out, "status", lower(a.status()), lower(b.status()));
        compare(out, "transferredTo", a.transferredTo(), b.transferredTo());
        compare(out, "installationId", a.installationId(), b.installationId());
        return out;
    }

    private static void compare(List<TicketEvent.Change> out, String field, String a, String b) {
        if (!Objects.equals(a, b)) out.add(new TicketEvent.Change(field, a, b));
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase();
    }

    private String resolveCustomer(String customerId, String phone) {
        if (customerId != null) {
            customers
                    .findById(customerId)
                    .orElseThrow(() -> InvalidInputException.of("customerId", "no customer " + customerId));
            return customerId;
        }
        return customers.customerIdForPhone(phone).orElse(null);
    }

    private Installation resolveInstallation(String installationId, String customerId) {
        if (installationId == null) return null;
        Installation installation = customers
                .findInstallation(installationId)
                .orElseThrow(() -> InvalidInputException.of("installationId", "no installation " + installationId));
        if (!installation.customerId().equals(customerId))
            throw InvalidInputException.of("installationId", "installation belongs to another customer");
        return installation;
    }

    private String normalize(String raw) {
        try {
            return phoneNumbers.normalize(raw);
        } catch (InvalidPhoneNumberException e) {
            throw InvalidInputException.of("phone", e.getMessage());
        }
    }

    private void checkNumber(String number) {
        if (!numbers.valid(number)) throw notFound(number);
    }

    private Ticket find(String number) {
        return tickets.find(number).orElseThrow(() -> notFound(number));
    }

    private static NotFoundException notFound(String number) {
        return new NotFoundException("no service request " + sanitize(number));
    }

    private static String sanitize(String number) {
        if (number == null) return "null";
        String s = number.length() > 20 ? number.substring(0, 20) + "…" : number;
        return s.replaceAll("[^0-9A-Za-z-]", "?");
    }

    private static ConflictException conflict(Ticket current, long expected) {
        return new ConflictException(
                "service request " + current.number() + " was changed by someone else (version " + current.version()
                        + (expected >= 0 ? ", yours " + expected : "") + ")",
                current);
    }

    public Optional<Customer> customerOf(Ticket ticket) {
        return ticket.customerId() == null ? Optional.empty() : customers.findById(ticket.customerId());
    }
}
