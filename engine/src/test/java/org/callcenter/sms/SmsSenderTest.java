package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.config.AppConfig.TwilioConfig;
import org.callcenter.metrics.SmsMeters;
import org.callcenter.store.MongoStore;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioFake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox sender against the Twilio fake: each fault, and never an SMS sent twice. */
class SmsSenderTest {
    private static final String TO = "+8613800138000";
    private static final String CALLBACK = "http://engine.example/webhooks/twilio/status";

    @TempDir
    Path dir;

    private TwilioFake fake;
    private MongoStore mongo;
    private SmsOutbox outbox;
    private MutableClock clock;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        fake = new TwilioFake();
        mongo = MongoStore.open(new MongoConfig("", "smstest", dir.toString()));
        outbox = new SmsOutbox(mongo);
        clock = new MutableClock(Instant.now());
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
        fake.close();
    }

    private SmsSender sender(int rate) {
        TwilioConfig config =
                new TwilioConfig(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, TwilioFake.FROM, fake.base(), rate, "");
        return new SmsSender(
                outbox,
                new TwilioGateway(config, Duration.ofSeconds(1)),
                new SmsMeters(registry),
                clock,
                new SmsSender.Policy(rate, Duration.ofSeconds(2), Duration.ofMinutes(1), 5, Duration.ofMinutes(2)),
                CALLBACK);
    }

    private void queue(String key, String body) {
        outbox.enqueue(OutboxMessage.queued(key, "test", TO, body, clock.instant()));
    }

    private OutboxMessage stored(String key) {
        return outbox.find(key).orElseThrow();
    }

    @Test
    void sendsThroughTheSdkWithAuthAndFormFieldsAndRecordsTheSid() {
        queue("k1", "Your request 000123 was received");
        sender(10).drain();
        assertThat(fake.problems()).isEmpty();
        assertThat(fake.messages()).hasSize(1);
        TwilioFake.Sent sent = fake.messages().getFirst();
        assertThat(sent.to()).isEqualTo(TO);
        assertThat(sent.from()).isEqualTo(TwilioFake.FROM);
        assertThat(sent.body()).isEqualTo("Your request 000123 was received");
        assertThat(sent.statusCallback()).isEqualTo(CALLBACK);
        OutboxMessage m = stored("k1");
        assertThat(m.status()).isEqualTo(SmsStatus.SENT);
        assertThat(m.sid()).isEqualTo(sent.sid());
        assertThat(m.attempts()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyQueuedTwiceIsSentOnce() {
        queue("k1", "first");
        queue("k1", "second");
        SmsSender sender = sender(10);
        sender.drain();
        clock.advance(Duration.ofMinutes(5));
        sender.drain();
        assertThat(fake.messages()).extracting(TwilioFake.Sent::body).containsExactly("first");
    }

    @Test
    void rateLimited429IsRetriedAfterBackoffAndSentOnce() {
        fake.failNext(Fault.RATE_LIMITED);
        queue("k1", "hello");
        SmsSender sender = sender(10);
        sender.drain();
        OutboxMessage waiting = stored("k1");
        assertThat(waiting.status()).isEqualTo(SmsStatus.RETRY);
        assertThat(waiting.errorCode()).isEqualTo(429);
        assertThat(waiting.attemptStartedAt())
                .as("429 is certain: nothing to reconcile")
                .isNull();
        assertThat(sender.drain()).as("not before the backoff").isZero();
        clock.advance(Duration.ofSeconds(3));
        sender.drain();
        assertThat(fake.messages()).hasSize(1);
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.SENT);
        assertThat(stored("k1").attempts()).isEqualTo(2);
    }

    @Test
    void serverError500WhenTwilioDidNotTakeItIsResentOnce() {
        fake.failNext(Fault.SERVER_ERROR);
        queue("k1", "hello");
        SmsSender sender = sender(10);
        sender.drain();
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.RETRY);
        clock.advance(Duration.ofSeconds(3));
        sender.drain();
        assertThat(fake.messages()).hasSize(1);
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.SENT);
        assertThat(stored("k1").sid()).isEqualTo(fake.messages().getFirst().sid());
    }

    @Test
    void serverError500WhenTwilioTookItIsReconciledNotResent() {
        fake.failNext(Fault.SERVER_ERROR_AFTER_ACCEPT);
        queue("k1", "hello");
        SmsSender sender = sender(10);
        sender.drain();
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.RETRY);
        clock.advance(Duration.ofSeconds(3));
        sender.drain();
        assertThat(fake.messages()).hasSize(1);
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.SENT);
        assertThat(stored("k1").sid()).isEqualTo(fake.messages().getFirst().sid());
        assertThat(registry.counter(SmsMeters.RECONCILED).count()).isEqualTo(1.0);
    }

    @Test
    void timeoutAfterTwilioTookItIsReconciledNotResent() {
        fake.failNext(Fault.TIMEOUT_AFTER_ACCEPT);
        queue("k1", "hello");
        SmsSender sender = sender(10);
        sender.drain();
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.RETRY);
        clock.advance(Duration.ofSeconds(3));
        sender.drain();
        assertThat(fake.messages()).hasSize(1);
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.SENT);
    }

    @Test
    void invalidNumber21211FailsWithTheCodeAndIsNeverRetried() {
        fake.failNext(Fault.INVALID_NUMBER);
        queue("k1", "hello");
        SmsSender sender = sender(10);
        sender.drain();
        clock.advance(Duration.ofMinutes(10));
        sender.drain();
        OutboxMessage m = stored("k1");
        assertThat(m.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(m.errorCode()).isEqualTo(21211);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(fake.messages()).isEmpty();
        assertThat(registry.counter(SmsMeters.FAILED, "code", "21211").count()).isEqualTo(1.0);
    }

    @Test
    void aSendCutShortByACrashIsReconciledAfterRestartNotResent() {
        queue("k1", "hello");
        queue("k2", "world");
        // the old engine claimed both and died: Twilio got k1 only
        outbox.claim(clock.instant(), clock.instant());
        outbox.claim(clock.instant(), clock.instant());
        fake.accept(TO, "hello");
        clock.advance(Duration.ofMinutes(3));
        SmsSender restarted = sender(10);
        restarted.drain();
        clock.advance(Duration.ofSeconds(1));
        restarted.drain();
        assertThat(fake.messages()).extracting(TwilioFake.Sent::body).containsExactlyInAnyOrder("hello", "world");
        assertThat(stored("k1").status()).isEqualTo(SmsStatus.SENT);
        assertThat(stored("k2").status()).isEqualTo(SmsStatus.SENT);
    }

    @Test
    void sendsNoFasterThanTheConfiguredRate() {
        for (int i = 0; i < 6; i++) queue("k" + i, "m" + i);
        SmsSender sender = sender(2);
        sender.drain();
        assertThat(fake.messages()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        sender.drain();
        assertThat(fake.messages()).hasSize(3);
        clock.advance(Duration.ofSeconds(10));
        sender.drain();
        assertThat(fake.messages()).hasSize(5);
    }

    @Test
    void twilioUnreachableIsRetriedAndNothingIsLost() {
        queue("k1", "hello");
        fake.close();
        SmsSender sender = sender(10);
        sender.drain();
        OutboxMessage m = stored("k1");
        assertThat(m.status()).isEqualTo(SmsStatus.RETRY);
        assertThat(m.errorMessage()).isNotBlank();
        fake = new TwilioFake();
        outbox.save(m); // unchanged: still waiting for its next attempt
        assertThat(outbox.all()).hasSize(1);
    }
}
