package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.callcenter.support.Await;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Technicians' and customers' texts arriving broken, padded, forged or twice: refused or done once. */
class InboundSmsBadInputTest {
    static DispatchFixture f;
    static String number;
    static String visitId;
    static String tech;
    static String customer;
    static final Queue<JsonObject> rated = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        f = new DispatchFixture("sms-bad-input", Instant.parse("2026-03-12T01:00:00Z"));
        f.engine.engine().vertx().eventBus().<JsonObject>consumer(DispatchEvents.RATED, m -> rated.add(m.body()));
        customer = DispatchFixture.mobile();
        f.customer(customer, "other", "en");
        number = f.ticket(customer);
        tech = DispatchFixture.mobile();
        String techId = f.technician("Deng Hui", tech, "other", true);
        Instant now = f.clock.instant();
        visitId = f.dispatch(number, techId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Map<String, String> form(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("From", from);
        p.put("To", TwilioFake.FROM);
        p.put("Body", body);
        return p;
    }

    static JsonObject visit() {
        return f.visit(visitId);
    }

    @Test
    void extraFieldsTwilioSendsAreAcceptedButOneAddedAfterSigningIs403() {
        Map<String, String> p = form(DispatchFixture.sid(), tech, "HELP");
        p.put("SmsStatus", "received");
        p.put("NumSegments", "1");
        p.put("FromCity", "BEIJING");
        p.put("ApiVersion", "2010-04-01");
        TwilioWebhook.Answer a = f.twilio.post(DispatchFixture.INBOUND, p);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("ARRIVE");
        Map<String, String> signed = form(DispatchFixture.sid(), tech, "ARRIVE " + number);
        String signature = TwilioWebhook.signature(
                TwilioFake.AUTH_TOKEN, DispatchFixture.PUBLIC + DispatchFixture.INBOUND, signed);
        Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put("Injected", "1");
        byte[] body = TwilioWebhook.form(tampered).getBytes(StandardCharsets.UTF_8);
        assertThat(f.twilio.raw(DispatchFixture.INBOUND, body, signature).status())
                .isEqualTo(403);
        assertThat(visit().getValue("arrivedAt")).isNull();
    }

    @Test
    void missingFromOrBodyIs400AndNothingIsRecorded() {
        Map<String, String> noFrom = form(DispatchFixture.sid(), tech, "ARRIVE " + number);
        noFrom.remove("From");
        assertThat(f.twilio.post(DispatchFixture.INBOUND, noFrom).status()).isEqualTo(400);
        Map<String, String> noBody = form(DispatchFixture.sid(), tech, "x");
        noBody.remove("Body");
        assertThat(f.twilio.post(DispatchFixture.INBOUND, noBody).status()).isEqualTo(400);
        assertThat(visit().getValue("arrivedAt")).isNull();
    }

    @Test
    void aNonUtf8CommandIs400AndNothingIsRecorded() {
        byte[] latin1 = ("MessageSid=" + DispatchFixture.sid() + "&From=" + tech.replace("+", "%2B")
                        + "&To=x&Body=ARRIVE%A0" + number)
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(f.twilio.raw(DispatchFixture.INBOUND, latin1, "x").status()).isEqualTo(400);
        assertThat(visit().getValue("arrivedAt")).isNull();
    }

    @Test
    void aOneMegabyteCommandIs413AndALongOneIsRefusedAsMalformed() {
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertThat(f.twilio.raw(DispatchFixture.INBOUND, big, "x").status()).isEqualTo(413);
        String padded = "ARRIVE " + number + " " + "x".repeat(1500);
        assertThat(f.text(tech, padded).body()).contains("Usage");
        assertThat(f.text(tech, "ARRIVE " + "9".repeat(500)).body()).contains("not a valid ticket number");
        assertThat(visit().getValue("arrivedAt")).isNull();
    }

    @Test
    void aReplayedRatingCountsOnce() {
        String phone = DispatchFixture.mobile();
        f.customer(phone, "other", "en");
        String ticket = f.ticket(phone);
        String mobile = DispatchFixture.mobile();
        String techId = f.technician("Pan Jun", mobile, "other", true);
        Instant now = f.clock.instant();
        String visit = f.dispatch(ticket, techId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
        f.text(mobile, "ARRIVE " + ticket);
        f.text(phone, "YES");
        f.text(mobile, "DEPART " + ticket);
        String sid = DispatchFixture.sid();
        String first = f.text(sid, phone, "5").body();
        String replay = f.text(sid, phone, "5").body();
        assertThat(replay).isEqualTo(first).contains("5/5");
        Await.until(
                "rated",
                Duration.ofSeconds(10),
                () -> rated.stream().anyMatch(e -> e.getString("visitId").equals(visit)));
        assertThat(rated.stream().filter(e -> e.getString("visitId").equals(visit)))
                .hasSize(1);
        List<String> types = f.historyTypes(ticket);
        assertThat(types.stream().filter("visit_rated"::equals)).hasSize(1);
    }
}
