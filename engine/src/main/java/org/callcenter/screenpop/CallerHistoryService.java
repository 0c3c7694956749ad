package org.callcenter.screenpop;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.common.InvalidInputException;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerChangeListener;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Installation;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.screenpop.CallerHistory.CustomerCard;
import org.callcenter.screenpop.CallerHistory.InstallationCard;
import org.callcenter.screenpop.CallerHistory.LastContact;
import org.callcenter.screenpop.CallerHistory.RequestSummary;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caller history (the screen-pop payload), served from the Redis cache and rebuilt from MongoDB on
 * a miss. Every write that changes what a caller would see invalidates the entry first; if Redis
 * cannot be told, the cache is bypassed until it has been cleared, so a stale entry is never served.
 */
public final class CallerHistoryService implements CustomerChangeListener {
    private static final Logger log = LoggerFactory.getLogger(CallerHistoryService.class);
    private static final int MAX_OPEN = 50;

    private final CustomerRepository customers;
    private final TicketRepository tickets;
    private final HistoryCache cache;
    private final PhoneNumbers phoneNumbers;
    private final Meters meters;
    private final Blocking blocking;
    private final Clock clock;
    private final int recentLimit;
    private final AtomicBoolean cacheSuspect = new AtomicBoolean(false);
    private volatile VisitSource visits = customerId -> List.of();

    /** A customer's on-site visits, newest first (dispatch). Blocking. */
    @FunctionalInterface
    public interface VisitSource {
        List<CallerHistory.VisitSummary> of(String customerId);
    }

    public CallerHistoryService(
            CustomerRepository customers,
            TicketRepository tickets,
            HistoryCache cache,
            PhoneNumbers phoneNumbers,
            Meters meters,
            Blocking blocking,
            Clock clock,
            int recentLimit) {
        this.customers = customers;
        this.tickets = tickets;
        this.cache = cache;
        this.phoneNumbers = phoneNumbers;
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
        this.recentLimit = recentLimit;
    }

    /** Where the customers' visits come from (dispatch tells the cache when one changes). */
    public void withVisits(VisitSource source) {
        this.visits = source;
    }

    public Future<CallerHistory> lookup(String rawPhone) {
        String phone;
        try {
            phone = phoneNumbers.normalize(rawPhone);
        } catch (InvalidPhoneNumberException e) {
            throw InvalidInputException.of("phone", e.getMessage());
        }
        return blocking.run(() -> lookupBlocking(phone));
    }

    private CallerHistory lookupBlocking(String phone) {
        long started = System.nanoTime();
        boolean useCache = cacheUsable();
        boolean fromCache = useCache;
        Optional<String> customerId;
        HistoryCache.Cached<String> mapping = useCache ? readMapping(phone) : null;
        if (mapping != null && mapping.value().isPresent()) {
            customerId = Optional.of(mapping.value().get()).filter(id -> !id.isEmpty());
        } else {
            fromCache = false;
            customerId = customers.customerIdForPhone(phone);
            if (mapping != null)
                write("write", () -> cache.putCustomerForPhone(phone, customerId.orElse(""), mapping.stamp()));
        }
        HistorySnapshot snapshot = null;
        if (customerId.isPresent()) {
            String id = customerId.get();
            HistoryCache.Cached<HistorySnapshot> cached = useCache ? readSnapshot(id) : null;
            if (cached != null && cached.value().isPresent()) {
                snapshot = cached.value().get();
            } else {
                fromCache = false;
                snapshot = load(id).orElse(null);
                HistorySnapshot loaded = snapshot;
                if (cached != null && loaded != null)
                    write("write", () -> cache.putSnapshot(id, loaded, cached.stamp()));
            }
        }
        String source = fromCache ? "cache" : "store";
        CallerHistory history = snapshot == null ? newCaller(phone, source) : decorate(phone, snapshot, source);
        meters.historyLookup(
                source, history.known() ? "known" : "unknown", Duration.ofNanos(System.nanoTime() - started));
        return history;
    }

    /** Builds a customer's snapshot from MongoDB (by _id lookups only). */
    Optional<HistorySnapshot> load(String customerId) {
        Optional<Customer> found = customers.findById(customerId);
        if (found.isEmpty()) return Optional.empty();
        Customer c = found.get();
        List<Installation> installations = customers.findInstallations(c.installationIds());
        Requests r = requests(tickets.findAll(c.ticketNumbers()).stream()
                .filter(t -> customerId.equals(t.customerId()))
                .toList());
        CustomerCard card =
                new CustomerCard(c.id(), c.name(), c.language(), c.phones(), c.contacts(), c.address(), c.region());
        return Optional.of(
                new HistorySnapshot(card, installations, r.open(), r.recent(), r.last(), visits.of(customerId)));
    }

    /**
     * A caller we do not know yet: no customer, but the requests registered from this number so far
     * (not cached: they are few and the lookup is by _id).
     */
    private CallerHistory newCaller(String phone, String source) {
        Requests r = requests(tickets.findAll(tickets.unlinked(phone)).stream()
                .filter(t -> t.customerId() == null)
                .toList());
        return new CallerHistory(phone, false, null, List.of(), r.open(), r.recent(), r.last(), source, List.of());
    }

    private record Requests(List<RequestSummary> open, List<RequestSummary> recent, LastContact last) {}

    private Requests requests(List<Ticket> found) {
        List<Ticket> all = found.stream()
                .sorted(Comparator.comparing(Ticket::openedAt).reversed())
                .toList();
        List<RequestSummary> open = all.stream()
                .filter(Ticket::open)
                .limit(MAX_OPEN)
                .map(CallerHistoryService::summary)
                .toList();
        List<RequestSummary> recent = all.stream()
                .limit(recentLimit)
                .map(CallerHistoryService::summary)
                .toList();
        LastContact last = all.stream()
                .filter(t -> t.lastEvent() != null)
                .max(Comparator.comparing(t -> t.lastEvent().at()))
                .map(t -> new LastContact(
                        t.lastEvent().at(),
                        t.number(),
                        t.lastEvent().type(),
                        t.lastEvent().by()))
                .orElse(null);
        return new Requests(open, recent, last);
    }

    private CallerHistory decorate(String phone, HistorySnapshot s, String source) {
        LocalDate today = LocalDate.now(clock);
        List<InstallationCard> installations = s.installations().stream()
                .map(i -> {
                    org.callcenter.customers.Warranty warranty = org.callcenter.customers.Warranty.of(i, today);
                    return new InstallationCard(
                            i.id(),
                            i.product(),
                            i.model(),
                            i.serial(),
                            i.installedOn(),
                            i.warrantyEnd(),
                            warranty.state(),
                            warranty.daysLeft());
                })
                .toList();
        return new CallerHistory(
                phone,
                true,
                s.customer(),
                installations,
                s.openRequests(),
                s.recentRequests(),
                s.lastContact(),
                source,
                s.visits() == null ? List.of() : s.visits());
    }

    static RequestSummary summary(Ticket t) {
        TicketEvent last = t.lastEvent();
        return new RequestSummary(
                t.number(),
                lower(t.status()),
                lower(t.severity()),
                t.category(),
                t.product(),
                t.description(),
                lower(t.channel()),
                lower(t.escalation()),
                t.installationId(),
                t.openedAt(),
                t.feedbackAt(),
                last != null ? last.at() : t.updatedAt());
    }

    @Override
    public void customerChanged(String customerId, Collection<String> phones) {
        try {
            cache.invalidate(customerId, phones);
        } catch (RuntimeException e) {
            meters.historyCacheError("invalidate");
            if (cacheSuspect.compareAndSet(false, true))
                log.error(
                        "caller-history cache could not be invalidated ({}); serving from MongoDB until it is cleared",
                        e.toString());
        }
    }

    private boolean cacheUsable() {
        if (!cacheSuspect.get()) return true;
        // twice: the first command after a Redis restart may take a pooled connection that died with it
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                cache.clear();
                cacheSuspect.set(false);
                log.info("caller-history cache cleared after Redis came back; using it again");
                return true;
            } catch (RuntimeException e) {
                // not back yet, or a dead pooled connection (dropped by the pool on this failure)
            }
        }
        return false;
    }

    private HistoryCache.Cached<String> readMapping(String phone) {
        try {
            return cache.customerForPhone(phone);
        } catch (RuntimeException e) {
            meters.historyCacheError("read");
            return null;
        }
    }

    private HistoryCache.Cached<HistorySnapshot> readSnapshot(String customerId) {
        try {
            return cache.snapshot(customerId);
        } catch (RuntimeException e) {
            meters.historyCacheError("read");
            return null;
        }
    }

    private void write(String op, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            meters.historyCacheError(op);
        }
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
