package org.callcenter.sla;

import java.util.Locale;

/** The clocks of SERVICE-RULES §3; the lower-case name is the config section and the API name. */
public enum ClockName {
    FEEDBACK,
    RESOLVE,
    SOLUTION,
    COMPLAINT_ANSWER,
    COMPLAINT_ON_SCENE,
    ONSITE_ARRIVAL,
    APPOINTMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Clocks the ticket lifecycle drives; the others are started and stopped by name (API or event). */
    public boolean lifecycle() {
        return this == FEEDBACK || this == RESOLVE || this == SOLUTION;
    }

    public static ClockName parse(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
