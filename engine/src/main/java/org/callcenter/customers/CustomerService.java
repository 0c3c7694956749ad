package org.callcenter.customers;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callcenter.common.ConflictException;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.FieldError;
import org.callcenter.common.Ids;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;

/** Decisions about customers and installations: phone normalization, uniqueness, warranty. */
public final class CustomerService {
    private final CustomerRepository repository;
    private final PhoneNumbers phoneNumbers;
    private final CustomerChangeListener changes;
    private volatile PhonesClaimedListener claims = PhonesClaimedListener.NONE;
    private final EventPublisher events;
    private final Blocking blocking;
    private final Clock clock;
    private final int warrantyMonths;
    private volatile Map<String, Integer> productWarrantyMonths = Map.of();
    private volatile java.time.ZoneId zone = java.time.ZoneOffset.UTC;

    public CustomerService(
            CustomerRepository repository,
            PhoneNumbers phoneNumbers,
            CustomerChangeListener changes,
            EventPublisher events,
            Blocking blocking,
            Clock clock,
            int warrantyMonths) {
        this.repository = repository;
        this.phoneNumbers = phoneNumbers;
        this.changes = changes;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
        this.warrantyMonths = warrantyMonths;
    }

    public Future<Customer> create(CustomerDraft draft) {
        Normalized n = normalize(draft);
        return blocking.run(() -> {
            Instant now = clock.instant();
            Customer customer = new Customer(
                    Ids.newId(),
                    draft.name(),
                    draft.language(),
                    n.phones,
                    n.contacts,
                    draft.address(),
                    draft.region(),
                    List.of(),
                    List.of(),
                    1,
                    now,
                    now,
                    draft.timeZone());
            claimOrConflict(customer.id(), customer.allPhones());
            repository.insert(customer);
            claims.phonesClaimed(customer.id(), customer.allPhones());
            changes.customerChanged(customer.id(), customer.allPhones());
            events.publish(CustomerEvents.CREATED, new CustomerEvents.CustomerChanged(customer.id(), 1));
            return customer;
        });
    }

    /** Replaces a customer's details if {@code expectedVersion} is still current (else 409). */
    public Future<Customer> update(String id, long expectedVersion, CustomerDraft draft) {
        Normalized n = normalize(draft);
        return blocking.run(() -> {
            Customer current = repository.findById(id).orElseThrow(() -> notFound(id));
            if (current.version() != expectedVersion)
                throw new ConflictException(
                        "customer " + id + " was changed by someone else (version " + current.version() + ", yours "
                                + expectedVersion + ")",
                        current);
            Customer updated = new Customer(
                    id,
                    draft.name(),
                    draft.language(),
                    n.phones,
                    n.contacts,
                    draft.address(),
                    draft.region(),
                    current.installationIds(),
                    current.ticketNumbers(),
                    current.version() + 1,
                    current.createdAt(),
                    clock.instant(),
                    draft.timeZone());
            Set<String> added = new LinkedHashSet<>(updated.allPhones());
            added.removeAll(current.allPhones());
            Set<String> removed = new LinkedHashSet<>(current.allPhones());
            removed.removeAll(updated.allPhones());
            claimOrConflict(id, added);
            if (!repository.replace(updated, expectedVersion)) {
                repository.releasePhones(id, added);
                Customer latest = repository.findById(id).orElseThrow(() -> notFound(id));
                throw new ConflictException("customer " + id + " was changed by someone else", latest);
            }
            repository.releasePhones(id, removed);
            claims.phonesClaimed(id, added);
            Set<String> touched = new HashSet<>(added);
            touched.addAll(removed);
            touched.addAll(updated.allPhones());
            changes.customerChanged(id, touched);
            events.publish(CustomerEvents.UPDATED, new CustomerEvents.CustomerChanged(id, updated.version()));
            return updated;
        });
    }

    /** Who links earlier requests when numbers become a customer's (the tickets domain). */
    public void onPhonesClaimed(PhonesClaimedListener listener) {
        this.claims = listener;
    }

    public Future<Customer> get(String id) {
        return blocking.run(() -> repository.findById(id).orElseThrow(() -> notFound(id)));
    }

    public Future<Optional<Customer>> findByPhone(String rawPhone) {
        String e164 = phone("phone", rawPhone);
        return blocking.run(() -> repository.customerIdForPhone(e164).flatMap(repository::findById));
    }

    public Future<List<Customer>> searchByName(String prefix, int limit) {
        return blocking.run(() -> repository.searchByName(prefix, limit));
    }

    public Future<Installation> addInstallation(String customerId, InstallationDraft draft) {
        return blocking.run(() -> {
            repository.findById(customerId).orElseThrow(() -> notFound(customerId));
            LocalDate installedOn = draft.installedOn() != null ? draft.installedOn() : LocalDate.now(clock);
            LocalDate warrantyEnd = draft.warrantyEnd() != null
                    ? draft.warrantyEnd()
                    : installedOn.plusMonths(warrantyMonthsOf(draft.product())).minusDays(1);
            if (warrantyEnd.isBefore(installedOn))
                throw InvalidInputException.of("warrantyEnd", "must not be before installedOn");
            Installation installation = new Installation(
                    Ids.newId(),
                    customerId,
                    draft.product(),
                    draft.model(),
                    draft.serial(),
                    installedOn,
                    warrantyEnd,
                    clock.instant());
            repository.insertInstallation(installation);
            changes.customerChanged(customerId, List.of());
            events.publish(
                    CustomerEvents.INSTALLATION_ADDED,
                    new CustomerEvents.InstallationAdded(customerId, installation.id()));
            return installation;
        });
    }

    /** The business's time zone: "today" for warranty states. */
    public CustomerService zone(java.time.ZoneId zone) {
        this.zone = zone;
        return this;
    }

    /** Per-product warranty periods (lower-case product → months); others get the default. */
    public CustomerService productWarranty(Map<String, Integer> monthsByProduct) {
        this.productWarrantyMonths = Map.copyOf(monthsByProduct);
        return this;
    }

    int warrantyMonthsOf(String product) {
        return product == null
                ? warrantyMonths
                : productWarrantyMonths.getOrDefault(product.trim().toLowerCase(java.util.Locale.ROOT), warrantyMonths);
    }

    /** The installation's warranty state today (the business's day). */
    public Warranty warranty(Installation installation) {
        return Warranty.of(installation, LocalDate.now(clock.withZone(zone)));
    }

    public Future<List<Installation>> installations(String customerId) {
        return blocking.run(() -> {
            Customer customer = repository.findById(customerId).orElseThrow(() -> notFound(customerId));
            return repository.findInstallations(customer.installationIds());
        });
    }

    public Future<Installation> installation(String id) {
        return blocking.run(() ->
                repository.findInstallation(id).orElseThrow(() -> new NotFoundException("no installation " + id)));
    }

    /** E.164 form of one number, or a 400 naming the field. */
    public String phone(String field, String raw) {
        try {
            return phoneNumbers.normalize(raw);
        } catch (InvalidPhoneNumberException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }

    private void claimOrConflict(String customerId, Set<String> phones) {
        List<String> taken = repository.claimPhones(customerId, phones);
        if (!taken.isEmpty()) {
            String owner = taken.stream()
                    .map(repository::customerIdForPhone)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse("?");
            throw new ConflictException(
                    "phone " + PhoneNumbers.mask(taken.get(0)) + " already belongs to customer " + owner, null);
        }
    }

    private record Normalized(List<String> phones, List<Customer.Contact> contacts) {}

    private Normalized normalize(CustomerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        List<String> phones = normalizeAll("phones", draft.phones(), errors);
        List<Customer.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < draft.contacts().size(); i++) {
            Customer.Contact c = draft.contacts().get(i);
            contacts.add(new Customer.Contact(
                    c.name(), c.role(), normalizeAll("contacts[" + i + "].phones", c.phones(), errors), c.email()));
        }
        if (phones.isEmpty() && contacts.stream().allMatch(c -> c.phones().isEmpty()) && errors.isEmpty())
            errors.add(new FieldError("phones", "at least one phone number (customer or contact) is required"));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Normalized(phones, contacts);
    }

    private List<String> normalizeAll(String field, List<String> raw, List<FieldError> errors) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(phoneNumbers.normalize(raw.get(i)));
            } catch (InvalidPhoneNumberException e) {
                errors.add(new FieldError(field + "[" + i + "]", e.getMessage()));
            }
        }
        return List.copyOf(out);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no customer " + id);
    }
}
