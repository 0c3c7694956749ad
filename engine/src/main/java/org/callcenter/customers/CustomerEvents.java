package org.callcenter.customers;

/** Event-bus addresses and events of the customers domain. */
public final class CustomerEvents {
    public static final String CREATED = "callcenter.customers.created";
    public static final String UPDATED = "callcenter.customers.updated";
    public static final String INSTALLATION_ADDED = "callcenter.customers.installation-added";

    private CustomerEvents() {}

    public record CustomerChanged(String customerId, long version) {}

    public record InstallationAdded(String customerId, String installationId) {}
}
