package org.callcenter.customers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Customers, their installations, and the phone index (E.164 → customer id). Blocking; the
 * implementation lives in store/. Lookups used on the hot path go by _id only, because the embedded
 * MongoDB-wire server ignores non-unique indexes.
 */
public interface CustomerRepository {
    void insert(Customer customer);

    Optional<Customer> findById(String id);

    /** Replaces the customer if its stored version is {@code expectedVersion}; false if it is not. */
    boolean replace(Customer customer, long expectedVersion);

    Optional<String> customerIdForPhone(String e164);

    /**
     * Claims phone numbers for a customer. Returns the numbers already claimed by another existing
     * customer (nothing is claimed then); claims left by a customer that does not exist are taken over.
     */
    List<String> claimPhones(String customerId, Collection<String> phones);

    void releasePhones(String customerId, Collection<String> phones);

    void insertInstallation(Installation installation);

    Optional<Installation> findInstallation(String id);

    List<Installation> findInstallations(Collection<String> ids);

    /** Records a ticket number on its customer (the per-customer index used by caller history). */
    void addTicketNumber(String customerId, String ticketNumber);

    List<Customer> searchByName(String namePrefix, int limit);

    long count();
}
