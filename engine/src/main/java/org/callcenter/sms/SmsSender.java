package org.callcenter.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callcenter.metrics.SmsMeters;
import org.callcenter.sms.TwilioGateway.Accepted;
import org.callcenter.sms.TwilioGateway.Outcome;
import org.callcenter.sms.TwilioGateway.Rejected;
import org.callcenter.sms.TwilioGateway.Throttled;
import org.callcenter.sms.TwilioGateway.Uncertain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: at most {@code ratePerSecond} sends per second (a token bucket on the injected
 * clock), retries 429 / 5xx / network errors with exponential backoff, and never sends a message
 * twice: an attempt whose result is unknown (5xx, timeout, a crash mid-send) is looked up at Twilio
 * before it is tried again. Blocking; run from one thread per engine ({@link #drain()} by a ticker).
 */
public final class SmsSender {
    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    /** How the sender paces and retries. */
    public record Policy(int ratePerSecond, Duration backoff, Duration maxBackoff, int maxAttempts, Duration stale) {}

    private final SmsOutbox outbox;
    private final TwilioGateway twilio;
    private final SmsMeters meters;
    private final Clock clock;
    private final Policy policy;
    private final String statusCallback;
    private double tokens;
    private Instant refilledAt;
    private volatile java.util.function.Consumer<OutboxMessage> onFailed = m -> {};
    /** Sends whose HTTP round trips may overlap (claims stay one at a time). */
    static final int IN_FLIGHT = 4;

    private final ExecutorService sends = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sms-send-", 0).factory());

    public SmsSender(
            SmsOutbox outbox,
            TwilioGateway twilio,
            SmsMeters meters,
            Clock clock,
            Policy policy,
            String statusCallback) {
        this.outbox = outbox;
        this.twilio = twilio;
        this.meters = meters;
        this.clock = clock;
        this.policy = policy;
        this.statusCallback = statusCallback;
        this.tokens = 1;
        this.refilledAt = clock.instant();
    }

    /** Told of every message that ends failed here (rejected by Twilio, or given up). */
    public void onFailed(java.util.function.Consumer<OutboxMessage> listener) {
        this.onFailed = listener;
    }

    /**
     * Sends what is due and allowed by the rate; returns the number of attempts made. Claims are made
     * one at a time; up to {@link #IN_FLIGHT} fresh sends overlap their HTTP round trips (each message
     * is claimed by exactly one of them). A message whose last attempt is uncertain is reconciled
     * alone, after the sends in flight have finished, so a sibling's SID not yet saved cannot be
     * taken for it. All attempts have finished when this returns.
     */
    public synchronized int drain() {
        int attempts = 0;
        List<Future<?>> inFlight = new ArrayList<>();
        try {
            while (takeToken()) {
                Instant now = clock.instant();
                Optional<OutboxMessage> claimed = outbox.claim(now, now.minus(policy.stale()));
                if (claimed.isEmpty()) {
                    tokens += 1; // nothing to send: the token is not spent
                    break;
                }
                attempts++;
                OutboxMessage m = claimed.get();
                if (m.status() == SmsStatus.SENDING || m.attemptStartedAt() != null) {
                    finish(inFlight);
                    handle(m, now);
                } else {
                    if (inFlight.size() >= IN_FLIGHT) finish(inFlight);
                    inFlight.add(sends.submit(() -> handle(m, now)));
                }
            }
        } finally {
            finish(inFlight);
        }
        return attempts;
    }

    /** Waits for the sends in flight; the first failure of one is rethrown once all are done. */
    private static void finish(List<Future<?>> inFlight) {
        RuntimeException failure = null;
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                if (failure == null)
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        inFlight.clear();
        if (failure != null) throw failure;
    }

    private void handle(OutboxMessage before, Instant now) {
        if (before.status() == SmsStatus.SENDING || before.attemptStartedAt() != null) {
            // the last attempt's result is unknown: Twilio may hold the message already
            try {
                Optional<Accepted> found = twilio.findSent(
                        before.to(),
                        before.body(),
                        before.attemptStartedAt(),
                        sid -> outbox.findBySid(sid).isPresent());
                if (found.isPresent()) {
                    meters.reconciled();
                    accepted(before, found.get(), now);
                    return;
                }
            } catch (RuntimeException e) {
                retry(before, now, null, "reconcile failed: " + e.getMessage());
                return;
            }
        }
        OutboxMessage attempt = with(before, SmsStatus.SENDING, before.attempts() + 1, null, null, null, now, now);
        outbox.save(attempt);
        Outcome outcome = twilio.send(attempt.to(), attempt.body(), statusCallback);
        Instant done = clock.instant();
        switch (outcome) {
            case Accepted a -> accepted(attempt, a, done);
            case Throttled t -> {
                meters.attempt("throttled");
                // certainly not sent: the next attempt needs no reconciling
                retry(
                        with(attempt, SmsStatus.SENDING, attempt.attempts(), null, null, null, null, done),
                        done,
                        429,
                        t.reason());
            }
            case Uncertain u -> {
                meters.attempt("uncertain");
                retry(attempt, done, null, u.reason());
            }
            case Rejected r -> {
                meters.attempt("rejected");
                meters.failed(r.code());
                OutboxMessage failed =
                        with(attempt, SmsStatus.FAILED, attempt.attempts(), null, r.code(), r.reason(), null, done);
                outbox.save(failed);
                notifyFailed(failed);
                log.warn("SMS {} to {} rejected by Twilio: {} {}", attempt.key(), attempt.to(), r.code(), r.reason());
            }
        }
    }

    private void accepted(OutboxMessage m, Accepted a, Instant now) {
        meters.attempt("accepted");
        outbox.save(with(m, SmsStatus.SENT, m.attempts(), a.sid(), null, null, null, now));
    }

    /** Keeps attemptStartedAt when the attempt is uncertain, so the next claim reconciles first. */
    private void retry(OutboxMessage m, Instant now, Integer code, String reason) {
        if (m.attempts() >= policy.maxAttempts()) {
            meters.failed(code);
            OutboxMessage failed = with(
                    m, SmsStatus.FAILED, m.attempts(), null, code, "gave up: " + reason, m.attemptStartedAt(), now);
            outbox.save(failed);
            notifyFailed(failed);
            log.warn("SMS {} gave up after {} attempts: {}", m.key(), m.attempts(), reason);
            return;
        }
        long factor = 1L << Math.min(20, Math.max(0, m.attempts() - 1));
        Duration wait = policy.backoff().multipliedBy(factor);
        if (wait.compareTo(policy.maxBackoff()) > 0) wait = policy.maxBackoff();
        OutboxMessage next = with(m, SmsStatus.RETRY, m.attempts(), null, code, reason, m.attemptStartedAt(), now);
        outbox.save(new OutboxMessage(
                next.key(),
                next.template(),
                next.to(),
                next.body(),
                next.status(),
                next.attempts(),
                next.sid(),
                next.errorCode(),
                next.errorMessage(),
                next.createdAt(),
                now.plus(wait),
                next.attemptStartedAt(),
                now,
                next.ticketId()));
    }

    private static OutboxMessage with(
            OutboxMessage m,
            SmsStatus status,
            int attempts,
            String sid,
            Integer code,
            String error,
            Instant attemptStartedAt,
            Instant now) {
        return new OutboxMessage(
                m.key(),
                m.template(),
                m.to(),
                m.body(),
                status,
                attempts,
                sid,
                code,
                error,
                m.createdAt(),
                m.nextAttemptAt(),
                attemptStartedAt,
                now,
                m.ticketId());
    }

    private void notifyFailed(OutboxMessage m) {
        try {
            onFailed.accept(m);
        } catch (RuntimeException e) {
            log.warn("SMS {} failure listener: {}", m.key(), e.toString());
        }
    }

    private boolean takeToken() {
        Instant now = clock.instant();
        double elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos() / 1e9);
        refilledAt = now;
        double burst = Math.max(1, policy.ratePerSecond());
        tokens = Math.min(burst, tokens + elapsed * policy.ratePerSecond());
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
