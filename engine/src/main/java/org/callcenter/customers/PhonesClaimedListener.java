package org.callcenter.customers;

import java.util.Collection;

/**
 * Told (inside the same blocking task, before the caller-history cache is invalidated) when phone
 * numbers become a customer's: requests registered earlier from those numbers get linked to it.
 */
public interface PhonesClaimedListener {
    void phonesClaimed(String customerId, Collection<String> phones);

    PhonesClaimedListener NONE = (customerId, phones) -> {};
}
