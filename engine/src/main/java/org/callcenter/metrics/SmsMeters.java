package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of outbound SMS, declared once (names {@code callcenter.sms.*}). */
public final class SmsMeters {
    public static final String QUEUED = "callcenter.sms.queued";
    public static final String ATTEMPTS = "callcenter.sms.attempts";
    public static final String FAILED = "callcenter.sms.failed";
    public static final String RECONCILED = "callcenter.sms.reconciled";
    public static final String WEBHOOKS = "callcenter.sms.webhooks";

    private final MeterRegistry registry;

    public SmsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void queued(String template) {
        Counter.builder(QUEUED)
                .description("Messages put in the outbox")
                .tag("template", template)
                .register(registry)
                .increment();
    }

    /** One send attempt by outcome: accepted, throttled, uncertain, rejected. */
    public void attempt(String outcome) {
        Counter.builder(ATTEMPTS)
                .description("Send attempts to Twilio by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A message that will not be delivered, by Twilio error code ("none" when there is none). */
    public void failed(Integer code) {
        Counter.builder(FAILED)
                .description("Messages failed, by Twilio error code")
                .tag("code", code == null ? "none" : code.toString())
                .register(registry)
                .increment();
    }

    /** An uncertain send found at Twilio, so not sent again. */
    public void reconciled() {
        Counter.builder(RECONCILED)
                .description("Uncertain sends found already at Twilio (not resent)")
                .register(registry)
                .increment();
    }

    /** A Twilio webhook by outcome: status, status_ignored, inbound, inbound_duplicate, forbidden, bad_form. */
    public void webhook(String outcome) {
        Counter.builder(WEBHOOKS)
                .description("Twilio webhooks by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
