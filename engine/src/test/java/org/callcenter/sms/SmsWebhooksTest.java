package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callcenter.metrics.SmsMeters;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.Escalation;
import org.callcenter.sla.SlaEvents;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioWebhook;
import org.callcenter.support.TwilioWebhook.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status callbacks and inbound SMS as Twilio sends them: signatures, replays, bad input. */
class SmsWebhooksTest {
    private static final String PUBLIC = "https://engine.example";
    private static final String STATUS = "/webhooks/twilio/status";
    private static final String INBOUND = "/webhooks/twilio/sms";
    private static final String SUPERVISOR = "+8613100131000";
    private static TwilioFake fake;
    private static TestEngine engine;
    private static TwilioWebhook twilio;

    @BeforeAll
    static void start() {
        fake = new TwilioFake();
        Map<String, String> env = new java.util.HashMap<>(fake.engineEnv(PUBLIC));
        env.put("TWILIO_SUPERVISOR_TO", SUPERVISOR);
        engine = TestEngine.start(TestRedis.tempDir("sms-webhooks"), env);
        twilio = new TwilioWebhook(engine.base(), PUBLIC, TwilioFake.AUTH_TOKEN);
    }

    @AfterAll
    static void stop() {
        engine.close();
        fake.close();
    }

    private static OutboxMessage sent(String key) throws Exception {
        SmsModule sms = engine.engine().sms();
        sms.queue(key, "test", "+8613800138000", "body of " + key)
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        Await.until(
                "sent " + key,
                Duration.ofSeconds(20),
                () -> sms.outbox().find(key).orElseThrow().status() == SmsStatus.SENT);
        return sms.outbox().find(key).orElseThrow();
    }

    private static Map<String, String> status(String sid, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("MessageStatus", status);
        p.put("AccountSid", TwilioFake.ACCOUNT_SID);
        return p;
    }

    private static Map<String, String> inbound(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("From", from);
        p.put("To", TwilioFake.FROM);
        p.put("Body", body);
        return p;
    }

    private static String sid(char c) {
        return "SM" + String.valueOf(c).repeat(32);
    }

    @Test
    void deliveredCallbackMovesTheMessageOnAndALateReplayChangesNothing() throws Exception {
        OutboxMessage m = sent("cb-delivered");
        Answer a = twilio.post(STATUS, status(m.sid(), "delivered"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("<Response/>");
        assertThat(twilio.post(STATUS, status(m.sid(), "sent")).status()).isEqualTo(200);
        assertThat(twilio.post(STATUS, status(m.sid(), "delivered")).status()).isEqualTo(200);
        assertThat(engine.engine()
                        .sms()
                        .outbox()
                        .find("cb-delivered")
                        .orElseThrow()
                        .status())
                .isEqualTo(SmsStatus.DELIVERED);
    }

    @Test
    void undeliveredCallbackRecordsTwiliosErrorCodeAndCountsIt() throws Exception {
        OutboxMessage m = sent("cb-undelivered");
        Map<String, String> p = status(m.sid(), "undelivered");
        p.put("ErrorCode", "30034");
        assertThat(twilio.post(STATUS, p).status()).isEqualTo(200);
        OutboxMessage after =
                engine.engine().sms().outbox().find("cb-undelivered").orElseThrow();
        assertThat(after.status()).isEqualTo(SmsStatus.UNDELIVERED);
        assertThat(after.errorCode()).isEqualTo(30034);
        assertThat(engine.get("/metrics").body()).contains(SmsMeters.FAILED.replace('.', '_'));
    }

    @Test
    void forgedOrMissingSignatureIs403AndNothingIsStored() throws Exception {
        OutboxMessage m = sent("cb-forged");
        Map<String, String> p = status(m.sid(), "failed");
        byte[] body = TwilioWebhook.form(p).getBytes(StandardCharsets.UTF_8);
        String forged = TwilioWebhook.signature("not-the-token", PUBLIC + STATUS, p);
        assertThat(twilio.raw(STATUS, body, forged).status()).isEqualTo(403);
        assertThat(twilio.raw(STATUS, body, null).status()).isEqualTo(403);
        // signed for another URL (not PUBLIC_BASE_URL)
        String elsewhere = TwilioWebhook.signature(TwilioFake.AUTH_TOKEN, "https://evil.example" + STATUS, p);
        assertThat(twilio.raw(STATUS, body, elsewhere).status()).isEqualTo(403);
        assertThat(engine.engine()
                        .sms()
                        .outbox()
                        .find("cb-forged")
                        .orElseThrow()
                        .status())
                .isEqualTo(SmsStatus.SENT);

        long before = engine.engine().sms().inbox().count();
        Map<String, String> in = inbound(sid('f'), "+8613900139000", "STOP");
        byte[] inBody = TwilioWebhook.form(in).getBytes(StandardCharsets.UTF_8);
        assertThat(twilio.raw(INBOUND, inBody, null).status()).isEqualTo(403);
        assertThat(engine.engine().sms().inbox().count()).isEqualTo(before);
        assertThat(engine.engine().sms().inbox().optedOut("+8613900139000")).isFalse();
    }

    @Test
    void inboundDuplicateDeliveryIsHandledOnceWithTheSameTwimlReply() {
        long before = engine.engine().sms().inbox().count();
        Map<String, String> p = inbound(sid('a'), "+8613700137000", "hello");
        Answer first = twilio.post(INBOUND, p);
        Answer replay = twilio.post(INBOUND, p);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).startsWith("<?xml").contains("<Response><Message>");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(engine.engine().sms().inbox().count()).isEqualTo(before + 1);
    }

    @Test
    void stopOptsTheNumberOutAndStartOptsItBackIn() {
        String from = "+8613600136000";
        assertThat(twilio.post(INBOUND, inbound(sid('b'), from, " stop ")).body())
                .contains("START");
        assertThat(engine.engine().sms().inbox().optedOut(from)).isTrue();
        SmsModule sms = engine.engine().sms();
        OutboxMessage rating = sms.queueTemplate(
                        "stop-rate", SmsTemplates.RATE_SERVICE, "en", from, Map.of("ticket", "1"))
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        assertThat(rating.status()).isEqualTo(SmsStatus.SUPPRESSED);
        OutboxMessage essential = sms.queueTemplate(
                        "stop-essential",
                        SmsTemplates.TECHNICIAN_ON_THE_WAY,
                        "zh",
                        from,
                        Map.of("ticket", "1", "technician", "Li"))
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        assertThat(essential.status()).isEqualTo(SmsStatus.QUEUED);
        Await.until(
                "essential sent",
                Duration.ofSeconds(20),
                () -> fake.messages().stream().anyMatch(x -> x.to().equals(from)));
        assertThat(fake.messages()).filteredOn(x -> x.to().equals(from)).hasSize(1);
        twilio.post(INBOUND, inbound(sid('c'), from, "START"));
        assertThat(engine.engine().sms().inbox().optedOut(from)).isFalse();
    }

    @Test
    void missingFieldsNonUtf8AndRepeatedFieldsAre400() {
        Map<String, String> noSid = status(sid('d'), "delivered");
        noSid.remove("MessageSid");
        assertThat(twilio.post(STATUS, noSid).status()).isEqualTo(400);
        assertThat(twilio.post(STATUS, status("not-a-sid", "delivered")).status())
                .isEqualTo(400);
        assertThat(twilio.post(STATUS, status(sid('d'), "exploded")).status()).isEqualTo(400);
        Map<String, String> noBody = inbound(sid('e'), "+8613500135000", "x");
        noBody.remove("Body");
        assertThat(twilio.post(INBOUND, noBody).status()).isEqualTo(400);
        byte[] latin1 = "MessageSid=SM%FF&Body=caf%E9".getBytes(StandardCharsets.US_ASCII);
        assertThat(twilio.raw(INBOUND, latin1, "x").status()).isEqualTo(400);
        byte[] twice = "MessageSid=a&MessageSid=b".getBytes(StandardCharsets.US_ASCII);
        assertThat(twilio.raw(STATUS, twice, "x").status()).isEqualTo(400);
    }

    @Test
    void aOneMegabyteBodyIs413() {
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertThat(twilio.raw(INBOUND, big, "x").status()).isEqualTo(413);
    }

    @Test
    void anEscalatedBreachTextsTheOnDutySupervisorOnceEvenIfTheEventRepeats() {
        Escalation e =
                new Escalation("esc-1", "48217350", ClockName.values()[0], Instant.now(), Instant.now(), "breached");
        DeliveryOptions codec = new DeliveryOptions().setCodecName("callcenter-record");
        engine.engine().vertx().eventBus().publish(SlaEvents.ESCALATED, e, codec);
        engine.engine().vertx().eventBus().publish(SlaEvents.ESCALATED, e, codec);
        Await.until(
                "breach SMS sent",
                Duration.ofSeconds(20),
                () -> engine.engine()
                        .sms()
                        .outbox()
                        .find("sla-breach:esc-1")
                        .map(m -> m.status() == SmsStatus.SENT)
                        .orElse(false));
        assertThat(fake.messages())
                .filteredOn(m -> m.to().equals(SUPERVISOR))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).contains("48217350"));
    }
}
