package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioWebhook;
import org.callcenter.support.TwilioWebhook.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An inbound text whose handling fails (the store or a handler down) is not lost: Twilio gets a 500,
 * and its redelivery of the same MessageSid is handled again instead of answered as a duplicate;
 * once answered, further redeliveries get the same reply and are not handled a third time.
 */
class InboundRetryTest {
    private static final String PUBLIC = "https://callcenter.example.com";
    private static final String INBOUND = "/webhooks/twilio/sms";
    private static TwilioFake fake;
    private static TestEngine engine;
    private static TwilioWebhook twilio;

    @BeforeAll
    static void start() {
        fake = new TwilioFake();
        engine = TestEngine.start(TestRedis.tempDir("sms-retry"), fake.engineEnv(PUBLIC));
        twilio = new TwilioWebhook(engine.base(), PUBLIC, TwilioFake.AUTH_TOKEN);
    }

    @AfterAll
    static void stop() {
        engine.close();
        fake.close();
    }

    @Test
    void aFailedFirstDeliveryIsHandledAgainWhenTwilioRedeliversIt() {
        AtomicInteger calls = new AtomicInteger();
        engine.engine().sms().route((from, body) -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("store unavailable (simulated)");
            return Optional.of("ARRIVE recorded for " + body.substring(7));
        });
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", "SM" + "c".repeat(31) + "7");
        p.put("From", "+8613700137001");
        p.put("To", TwilioFake.FROM);
        p.put("Body", "ARRIVE 12345678");

        Answer failed = twilio.post(INBOUND, p);
        assertThat(failed.status()).isEqualTo(500);
        Answer retried = twilio.post(INBOUND, p);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).contains("ARRIVE recorded for 12345678");
        Answer again = twilio.post(INBOUND, p);
        assertThat(again.body()).isEqualTo(retried.body());
        assertThat(calls).hasValue(2);
        assertThat(engine.engine().sms().inbox().retryable(p.get("MessageSid"))).isFalse();
    }
}
