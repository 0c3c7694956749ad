package org.callcenter.dispatch;

import java.util.Locale;

/**
 * The customer's confirmation that an on-site visit is complete (SERVICE-RULES §4 step 6): none yet,
 * pending (the technician texted DEPART before the customer replied YES), given.
 */
public enum Consent {
    NONE,
    PENDING,
    GIVEN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Consent fromWire(String s) {
        return s == null ? NONE : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
