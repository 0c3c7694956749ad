package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioWebhook;
import org.junit.jupiter.api.Test;

/** The engine wired end to end: messages queued before a restart are sent after it, each once. */
class SmsOutboxRestartTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void messagesQueuedBeforeARestartAreSentAfterItEachOnce() throws Exception {
        Path data = TestRedis.tempDir("sms-restart");
        try (TwilioFake fake = new TwilioFake()) {
            // first run: Twilio not configured yet, so everything stays in the outbox
            try (TestEngine first = TestEngine.start(data, Map.of())) {
                for (int i = 0; i < 3; i++) {
                    first.engine()
                            .sms()
                            .queue("restart-" + i, "test", "+8613800138000", "message " + i)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get();
                }
                // queuing a key again is a no-op
                first.engine()
                        .sms()
                        .queue("restart-0", "test", "+8613800138000", "duplicate")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get();
                // without TWILIO_AUTH_TOKEN no webhook can be verified: all are refused, none stored
                TwilioWebhook.Answer refused = new TwilioWebhook(first.base(), "http://localhost:8080", "guess")
                        .post(
                                "/webhooks/twilio/sms",
                                Map.of(
                                        "MessageSid",
                                        "SM" + "9".repeat(32),
                                        "From",
                                        "+8613800138000",
                                        "To",
                                        "+1",
                                        "Body",
                                        "STOP"));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(first.engine().sms().inbox().count()).isZero();
            }
            Map<String, String> twilio = Map.of(
                    "TWILIO_ACCOUNT_SID", TwilioFake.ACCOUNT_SID,
                    "TWILIO_AUTH_TOKEN", TwilioFake.AUTH_TOKEN,
                    "TWILIO_FROM", TwilioFake.FROM,
                    "TWILIO_API_BASE", fake.base(),
                    "PUBLIC_BASE_URL", "https://engine.example");
            try (TestEngine second = TestEngine.start(data, twilio)) {
                SmsOutbox outbox = second.engine().sms().outbox();
                Await.until(
                        () -> "all sent: " + outbox.all(),
                        LIMIT,
                        () -> outbox.all().stream().allMatch(m -> m.status() == SmsStatus.SENT));
                assertThat(fake.messages())
                        .extracting(TwilioFake.Sent::body)
                        .containsExactlyInAnyOrder("message 0", "message 1", "message 2");
                assertThat(fake.messages())
                        .extracting(TwilioFake.Sent::statusCallback)
                        .containsOnly("https://engine.example/webhooks/twilio/status");
                assertThat(fake.problems()).isEmpty();
            }
        }
    }
}
