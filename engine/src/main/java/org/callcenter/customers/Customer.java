package org.callcenter.customers;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer of the after-sales service: a company or person with contact persons, phone numbers
 * (E.164), an address and the region that decides on-site windows. {@code version} increases on
 * every change (optimistic concurrency). {@code timeZone}: an IANA zone id for calling hours; null =
 * the business calendar's zone.
 */
public record Customer(
        String id,
        String name,
        String language,
        List<String> phones,
        List<Contact> contacts,
        Address address,
        Region region,
        List<String> installationIds,
        @com.fasterxml.jackson.annotation.JsonIgnore List<String> ticketNumbers,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String timeZone) {

    /** Without a time zone of its own (the business calendar's zone applies). */
    public Customer(
            String id,
            String name,
            String language,
            List<String> phones,
            List<Contact> contacts,
            Address address,
            Region region,
            List<String> installationIds,
            List<String> ticketNumbers,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                name,
                language,
                phones,
                contacts,
                address,
                region,
                installationIds,
                ticketNumbers,
                version,
                createdAt,
                updatedAt,
                null);
    }

    public record Contact(String name, String role, List<String> phones, String email) {}

    public record Address(String street, String city, String province, String postalCode, String country) {}

    /** Every number that identifies this customer: its own and its contact persons'. */
    public Set<String> allPhones() {
        Set<String> all = new LinkedHashSet<>(phones);
        for (Contact c : contacts) all.addAll(c.phones());
        return all;
    }
}
