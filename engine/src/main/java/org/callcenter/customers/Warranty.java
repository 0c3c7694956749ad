package org.callcenter.customers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An installation's warranty on a given day (SERVICE-RULES §7): {@code in_warranty} (free
 * maintenance) until {@code end} inclusive, then {@code expired} (charged at cost); {@code unknown}
 * when no end date is known. {@code daysLeft} is negative once expired, null when unknown.
 */
public record Warranty(String state, LocalDate end, Long daysLeft) {
    public static final String IN_WARRANTY = "in_warranty";
    public static final String EXPIRED = "expired";
    public static final String UNKNOWN = "unknown";

    public static Warranty of(Installation installation, LocalDate today) {
        LocalDate end = installation.warrantyEnd();
        if (end == null) return new Warranty(UNKNOWN, null, null);
        return new Warranty(
                installation.inWarrantyOn(today) ? IN_WARRANTY : EXPIRED, end, ChronoUnit.DAYS.between(today, end));
    }
}
