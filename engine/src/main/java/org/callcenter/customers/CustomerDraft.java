package org.callcenter.customers;

import java.util.List;

/** What an agent enters to create a customer or replace its details (phones not yet normalized). */
public record CustomerDraft(
        String name,
        String language,
        List<String> phones,
        List<Customer.Contact> contacts,
        Customer.Address address,
        Region region,
        String timeZone) {

    public CustomerDraft(
            String name,
            String language,
            List<String> phones,
            List<Customer.Contact> contacts,
            Customer.Address address,
            Region region) {
        this(name, language, phones, contacts, address, region, null);
    }
}
