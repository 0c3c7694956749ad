package org.callcenter.customers;

import java.time.Instant;
import java.time.LocalDate;

/** A product installed at a customer's site; free maintenance until {@code warrantyEnd} (inclusive). */
public record Installation(
        String id,
        String customerId,
        String product,
        String model,
        String serial,
        LocalDate installedOn,
        LocalDate warrantyEnd,
        Instant createdAt) {

    public boolean inWarrantyOn(LocalDate day) {
        return warrantyEnd != null && !day.isAfter(warrantyEnd);
    }
}
