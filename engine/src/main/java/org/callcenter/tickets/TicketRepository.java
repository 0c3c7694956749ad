package org.callcenter.tickets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Service requests, keyed by ticket number (the document _id). Blocking; implemented in store/. */
public interface TicketRepository {
    /** Inserts; false if the number is taken (the caller draws another). */
    boolean insert(Ticket ticket);

    /** Bulk import of requests whose numbers are known to be free (benchmarks, migrations). */
    void insertAll(List<Ticket> tickets);

    Optional<Ticket> find(String number);

    List<Ticket> findAll(Collection<String> numbers);

    /**
     * Replaces the request and appends {@code event} to its history, if its stored version is
     * {@code expectedVersion}; false otherwise.
     */
    boolean update(Ticket updated, long expectedVersion, TicketEvent event);

    /** Appends an event without touching anything else (notes never conflict). */
    boolean append(String number, TicketEvent event);

    List<Ticket> search(TicketQuery query);

    /** Remembers a request registered for a phone that belongs to no customer yet. */
    void rememberUnlinked(String phone, String number);

    /** Numbers of requests registered for {@code phone} while it belonged to no customer. */
    List<String> unlinked(String phone);

    void forgetUnlinked(String phone);

    /** Links a request that has no customer to one; appends {@code event}; false if already linked. */
    boolean linkCustomer(String number, String customerId, TicketEvent event);

    long count();
}
