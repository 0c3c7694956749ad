package org.callcenter.sms;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import org.callcenter.config.AppConfig;
import org.callcenter.metrics.SmsMeters;
import org.callcenter.sla.Escalation;
import org.callcenter.sla.ScheduledTicker;
import org.callcenter.sla.SlaEvents;
import org.callcenter.sla.Ticker;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Outbound SMS wired: the outbox, the Twilio gateway and the sender driven by a ticker. */
public final class SmsModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsModule.class);
    public static final String STATUS_PATH = "/webhooks/twilio/status";

    private final SmsOutbox outbox;
    private final SmsMeters meters;
    private final SmsSender sender;
    private final Blocking blocking;
    private final Clock clock;
    private final Ticker ticker;
    private final SmsInbox inbox;
    private final SmsWebhooks webhooks;

    SmsModule(
            SmsOutbox outbox,
            SmsInbox inbox,
            SmsWebhooks webhooks,
            SmsMeters meters,
            SmsSender sender,
            Blocking blocking,
            Clock clock,
            Ticker ticker) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.meters = meters;
        this.sender = sender;
        this.blocking = blocking;
        this.clock = clock;
        this.ticker = ticker;
    }

    public static SmsModule wire(
            AppConfig config, MongoStore mongo, MeterRegistry registry, Blocking blocking, Clock clock) {
        SmsOutbox outbox = new SmsOutbox(mongo);
        SmsMeters meters = new SmsMeters(registry);
        SmsSender sender = null;
        if (config.twilio().configured()) {
            sender = new SmsSender(
                    outbox,
                    new TwilioGateway(config.twilio(), Duration.ofSeconds(15)),
                    meters,
                    clock,
                    new SmsSender.Policy(
                            config.twilio().ratePerSecond(),
                            Duration.ofSeconds(1),
                            Duration.ofMinutes(5),
                            10,
                            Duration.ofMinutes(2)),
                    config.publicBaseUrl().replaceAll("/+$", "") + STATUS_PATH);
        } else {
            log.info(
                    "SMS: Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM); messages stay queued");
        }
        SmsInbox inbox = new SmsInbox(mongo);
        SmsWebhooks webhooks = new SmsWebhooks(
                outbox, inbox, config.twilio().authToken(), config.publicBaseUrl(), meters, blocking, clock);
        return new SmsModule(outbox, inbox, webhooks, meters, sender, blocking, clock, new ScheduledTicker());
    }

    /** Starts draining the outbox (queued messages left from before a restart go first). */
    public void start(Duration every) {
        if (sender != null) ticker.every(every, sender::drain);
    }

    /** Queues one SMS under an idempotency key; a key already queued keeps its first message. */
    public Future<OutboxMessage> queue(String key, String template, String to, String body) {
        return queue(key, template, to, body, null);
    }

    /** As above, about service request {@code ticketId} (its failure shows on that request). */
    public Future<OutboxMessage> queue(String key, String template, String to, String body, String ticketId) {
        return blocking.run(() -> {
            OutboxMessage fresh = OutboxMessage.queued(key, template, to, body, clock.instant(), ticketId);
            if (!SmsTemplates.essential(template) && inbox.optedOut(to)) {
                fresh = new OutboxMessage(
                        key,
                        template,
                        to,
                        body,
                        SmsStatus.SUPPRESSED,
                        0,
                        null,
                        null,
                        "opted out (STOP)",
                        fresh.createdAt(),
                        null,
                        null,
                        fresh.updatedAt(),
                        ticketId);
            }
            OutboxMessage stored = outbox.enqueue(fresh);
            if (stored == fresh) meters.queued(template);
            return stored;
        });
    }

    /**
     * SLA breaches escalated to the supervisor go to the on-duty supervisor's mobile by SMS; the
     * escalation's id is the idempotency key, so a repeated event sends one SMS.
     */
    public void listen(io.vertx.core.Vertx vertx, String supervisorTo) {
        java.util.function.Consumer<OutboxMessage> failed =
                m -> vertx.eventBus().publish(SmsEvents.FAILED, SmsEvents.failed(m, clock.instant()));
        if (sender != null) sender.onFailed(failed);
        webhooks.onFailed(failed);
        if (supervisorTo == null || supervisorTo.isBlank()) return;
        vertx.eventBus().<Escalation>consumer(SlaEvents.ESCALATED, m -> {
            Escalation e = m.body();
            queueTemplate(
                            "sla-breach:" + e.id(),
                            SmsTemplates.SLA_BREACH,
                            "en",
                            supervisorTo,
                            java.util.Map.of(
                                    "ticket", e.ticket(), "clock", e.clock().key()))
                    .onFailure(err -> log.warn("SLA breach SMS for {} not queued: {}", e.ticket(), err.toString()));
        });
    }

    /** Queues a shipped template in the customer's language (see {@link SmsTemplates}). */
    public Future<OutboxMessage> queueTemplate(
            String key, String template, String language, String to, java.util.Map<String, String> values) {
        return queueTemplate(key, template, language, to, values, null);
    }

    /** As above, about service request {@code ticketId}. */
    public Future<OutboxMessage> queueTemplate(
            String key,
            String template,
            String language,
            String to,
            java.util.Map<String, String> values,
            String ticketId) {
        String body;
        try {
            body = SmsTemplates.render(template, language, values);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return queue(key, template, to, body, ticketId);
    }

    /** Inbound texts other than STOP / START are offered to {@code router} first. */
    public void route(InboundRouter router) {
        webhooks.route(router);
    }

    /** The Twilio webhooks, on the root router (Twilio has no session; its signature is checked). */
    public void mountRoot(io.vertx.ext.web.Router root) {
        webhooks.mount(root);
    }

    public SmsInbox inbox() {
        return inbox;
    }

    public SmsOutbox outbox() {
        return outbox;
    }

    @Override
    public void close() {
        ticker.close();
    }
}
