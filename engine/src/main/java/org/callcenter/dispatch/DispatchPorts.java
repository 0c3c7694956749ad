package org.callcenter.dispatch;

import java.time.Instant;
import java.util.Map;
import org.callcenter.customers.Region;
import org.callcenter.sla.ClockName;

/** What dispatch asks of other domains, so it depends on neither Twilio nor the SLA internals. */
public final class DispatchPorts {
    private DispatchPorts() {}

    /** Queues a templated SMS (idempotent by key) about a request. Blocking; never throws. */
    @FunctionalInterface
    public interface Texts {
        void send(String key, String template, String language, String to, Map<String, String> values, String ticket);
    }

    /** Starts and stops the on-site clocks of a request. Blocking. */
    public interface Clocks {
        void start(String ticket, ClockName clock, Instant at, Region region, Instant agreedAt);

        /** Stops the clock if the request has it; a missing clock is not an error. */
        void stop(String ticket, ClockName clock, Instant at);
    }

    /** Marks the request as escalated to on-site (SERVICE-RULES §4 step 2). Blocking. */
    @FunctionalInterface
    public interface Escalate {
        void toOnsite(String ticket, String by);
    }

    /** Records that the customer got feedback (the first SMS about the request counts). Blocking. */
    @FunctionalInterface
    public interface Feedback {
        void given(String ticket, String text, String by);
    }

    /**
     * Registers a customer's complaint (quality domain) against a request and, when known, the
     * technician who visited; starts its clocks; returns the complaint id. Blocking; a refused one
     * throws and stores nothing.
     */
    @FunctionalInterface
    public interface Complaints {
        String register(String ticket, String technicianId, String text, String from);
    }
}
