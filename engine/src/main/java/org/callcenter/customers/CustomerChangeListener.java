package org.callcenter.customers;

import java.util.Collection;

/**
 * Told after every committed write that changes what callers of a customer would see (customer,
 * installation, ticket). The caller-history cache implements it to stay correct on every write.
 */
public interface CustomerChangeListener {
    /** {@code phones}: numbers whose customer mapping may have changed (added or removed). */
    void customerChanged(String customerId, Collection<String> phones);
}
