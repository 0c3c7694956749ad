package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callcenter.config.AppConfig.TwilioConfig;
import org.callcenter.support.Await;
import org.callcenter.support.Prism;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.support.TwilioFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's requests to Twilio, checked against Twilio's own OpenAPI description served by
 * Prism: every kind of message the engine sends (each template, English and Chinese, with the
 * status callback) and the message list used to reconcile an uncertain send. Prism answers 422 to
 * a request the real API would reject; the last test proves that it does, through the same code.
 */
class TwilioContractTest {
    private static final String TO = "+8613800138000";
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start();
    }

    @AfterAll
    static void stop() {
        if (prism != null) prism.close();
    }

    private static TwilioGateway gateway() {
        return new TwilioGateway(
                new TwilioConfig(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, TwilioFake.FROM, prism.base(), 10, ""),
                Duration.ofSeconds(30));
    }

    /** Violations Prism logged since {@code before} (the count taken at a test's start). */
    private static List<String> violationsSince(int before) {
        List<String> all = prism.requestViolations();
        return all.subList(before, all.size());
    }

    @Test
    void everyMessageTheEngineSendsIsAcceptedByTwiliosContract() throws Exception {
        int before = prism.requestViolations().size();
        Map<String, String> values = Map.of(
                "ticket", "12345674",
                "technician", "Li Wei",
                "appointment", "2026-03-09 11:00-12:00",
                "time", "16:00",
                "clock", "onsite_arrival");
        List<String> templates = List.of(
                SmsTemplates.REQUEST_RECEIVED,
                SmsTemplates.TECHNICIAN_ASSIGNED,
                SmsTemplates.TECHNICIAN_ON_THE_WAY,
                SmsTemplates.TECHNICIAN_ARRIVED,
                SmsTemplates.VISIT_CONSENT,
                SmsTemplates.RATE_SERVICE,
                SmsTemplates.RETURN_CALL_REMINDER,
                SmsTemplates.SLA_BREACH);
        try (TestEngine engine = TestEngine.start(
                TestRedis.tempDir("twilio-contract"),
                Map.of(
                        "TWILIO_ACCOUNT_SID", TwilioFake.ACCOUNT_SID,
                        "TWILIO_AUTH_TOKEN", TwilioFake.AUTH_TOKEN,
                        "TWILIO_FROM", TwilioFake.FROM,
                        "TWILIO_API_BASE", prism.base(),
                        "PUBLIC_BASE_URL", "https://engine.example"))) {
            SmsModule sms = engine.engine().sms();
            List<String> keys = new ArrayList<>();
            for (String language : List.of("en", "zh"))
                for (String template : templates) {
                    String key = "contract:" + language + ":" + template;
                    keys.add(key);
                    sms.queueTemplate(key, template, language, TO, values, "12345674")
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get();
                }
            Await.until(
                    () -> "all sent or failed: " + sms.outbox().all(),
                    Duration.ofSeconds(60),
                    () -> keys.stream().allMatch(k -> {
                        SmsStatus s = sms.outbox().find(k).orElseThrow().status();
                        return s == SmsStatus.SENT || s == SmsStatus.FAILED;
                    }));
            for (String key : keys) {
                OutboxMessage m = sms.outbox().find(key).orElseThrow();
                assertThat(m.status()).as(key + ": " + m.errorMessage()).isEqualTo(SmsStatus.SENT);
                assertThat(m.sid()).startsWith("SM");
            }
        }
        assertThat(violationsSince(before)).isEmpty();
    }

    @Test
    void theListUsedToReconcileAnUncertainSendIsAcceptedByTwiliosContract() {
        int before = prism.requestViolations().size();
        // a 422 would surface as an exception here
        gateway().findSent(TO, "Request 12345674: technician Li Wei is on the way.", Instant.now(), sid -> false);
        Await.until(
                "Prism's log of the list request",
                Duration.ofSeconds(10),
                () -> prism.log().stream()
                        .anyMatch(l -> l.contains("[HTTP SERVER] get /2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID
                                + "/Messages.json")));
        assertThat(violationsSince(before)).isEmpty();
    }

    @Test
    void prismRejectsARequestTwilioWouldRejectSoTheseTestsCanFail() {
        // a status callback that is not an absolute URI breaks the contract ("format: uri")
        TwilioGateway.Outcome outcome = gateway().send(TO, "contract probe", "not-a-uri");
        assertThat(outcome).isInstanceOf(TwilioGateway.Rejected.class);
        Await.until(
                "Prism's log of the violation",
                Duration.ofSeconds(10),
                () -> prism.requestViolations().stream().anyMatch(l -> l.contains("StatusCallback")));
    }
}
