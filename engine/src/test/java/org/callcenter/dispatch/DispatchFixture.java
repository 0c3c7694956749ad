package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.callcenter.sms.OutboxMessage;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.callcenter.support.TwilioFake;
import org.callcenter.support.TwilioWebhook;

/**
 * An engine with Twilio pointed at the fake, a clock the test moves, and helpers to create
 * customers, requests and technicians, dispatch, and text the engine as Twilio would.
 */
final class DispatchFixture implements AutoCloseable {
    static final String PUBLIC = "https://engine.example";
    static final String INBOUND = "/webhooks/twilio/sms";
    private static final AtomicLong SEQ = new AtomicLong();

    final MutableClock clock;
    final TwilioFake fake = new TwilioFake();
    final TestEngine engine;
    final TwilioWebhook twilio;

    DispatchFixture(String name, Instant start) {
        this.clock = new MutableClock(start);
        this.engine = TestEngine.start(
                TestRedis.tempDir(name),
                Map.of(
                        "TWILIO_ACCOUNT_SID",
                        TwilioFake.ACCOUNT_SID,
                        "TWILIO_AUTH_TOKEN",
                        TwilioFake.AUTH_TOKEN,
                        "TWILIO_FROM",
                        TwilioFake.FROM,
                        "TWILIO_API_BASE",
                        fake.base(),
                        "PUBLIC_BASE_URL",
                        PUBLIC,
                        "AUTH_TOKEN_TTL_HOURS",
                        "100000"),
                clock);
        this.twilio = new TwilioWebhook(engine.base(), PUBLIC, TwilioFake.AUTH_TOKEN);
    }

    /** A mobile number no other test of this JVM uses (E.164, mainland China). */
    static String mobile() {
        long suffix = (ProcessHandle.current().pid() % 1000) * 100_000 + SEQ.incrementAndGet();
        return String.format("+86136%08d", suffix);
    }

    static String sid() {
        byte[] b = new byte[16];
        long n = SEQ.incrementAndGet() ^ System.nanoTime();
        for (int i = 0; i < 8; i++) b[i] = (byte) (n >>> (8 * i));
        long p = ProcessHandle.current().pid();
        for (int i = 8; i < 16; i++) b[i] = (byte) (p >>> (8 * (i - 8)));
        return "SM" + HexFormat.of().formatHex(b);
    }

    /** A customer with one phone; returns its id. */
    String customer(String phone, String region, String language) {
        Response r = engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Customer " + phone)
                        .put("language", language)
                        .put("phones", new JsonArray().add(phone))
                        .put("region", region));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    String ticket(String phone) {
        Response r = engine.post(
                "/api/v1/tickets",
                new JsonObject().put("phone", phone).put("category", "leak").put("description", "pump seal leaks"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("number");
    }

    String technician(String name, String mobile, String region, boolean onDuty, String... skills) {
        Response r = engine.post(
                "/api/v1/technicians",
                new JsonObject()
                        .put("name", name)
                        .put("mobile", mobile)
                        .put("region", region)
                        .put("skills", new JsonArray(List.of((Object[]) skills)))
                        .put("onDuty", onDuty));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    Response dispatch(String number, JsonObject order) {
        return engine.post("/api/v1/tickets/" + number + "/dispatch", order);
    }

    /** Dispatches with an appointment window; returns the visit. */
    JsonObject dispatch(String number, String technicianId, Instant start, Instant end) {
        Response r = dispatch(
                number,
                new JsonObject()
                        .put("technicianId", technicianId)
                        .put("appointmentStart", start.toString())
                        .put("appointmentEnd", end.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonObject visit(String id) {
        Response r = engine.get("/api/v1/visits/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonObject request(String number) {
        Response r = engine.get("/api/v1/tickets/" + number);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The request's history entry types, in order. */
    List<String> historyTypes(String number) {
        return request(number).getJsonArray("history").stream()
                .map(e -> ((JsonObject) e).getString("type"))
                .toList();
    }

    /** Texts the engine from {@code from} as Twilio would; returns the TwiML reply. */
    TwilioWebhook.Answer text(String from, String body) {
        return text(sid(), from, body);
    }

    TwilioWebhook.Answer text(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("AccountSid", TwilioFake.ACCOUNT_SID);
        p.put("From", from);
        p.put("To", TwilioFake.FROM);
        p.put("Body", body);
        p.put("NumMedia", "0");
        TwilioWebhook.Answer a = twilio.post(INBOUND, p);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    java.util.Optional<OutboxMessage> outbox(String key) {
        return engine.engine().sms().outbox().find(key);
    }

    @Override
    public void close() {
        engine.close();
        fake.close();
    }
}
