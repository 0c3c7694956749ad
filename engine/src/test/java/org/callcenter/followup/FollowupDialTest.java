package org.callcenter.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Click-to-call through AMI Originate against the AMI simulator: the agent's phone first, then the
 * customer; a failed Originate and a night-time dial are recorded or refused, and nothing is lost.
 */
class FollowupDialTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final MutableClock clock = new MutableClock(at("2026-03-09T10:00"));
    static final AtomicInteger seq = new AtomicInteger();
    static TestAmi ami;
    static TestEngine engine;

    static java.time.Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeAll
    static void start() {
        ami = new TestAmi();
        Map<String, String> env = new HashMap<>(ami.env());
        env.put("AUTH_TOKEN_TTL_HOURS", "100000");
        engine = TestEngine.start(TestRedis.tempDir("followup-dial"), env, clock);
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
    }

    @AfterAll
    static void stop() {
        engine.close();
        ami.close();
    }

    /** A customer with a new installation, planned: its follow-up id. */
    static String plannedFollowUp() {
        String phone =
                String.format("136%08d", (ProcessHandle.current().pid() % 1000) * 100_000 + seq.incrementAndGet());
        Response c = engine.post(
                "/api/v1/customers",
                new JsonObject().put("name", "Dial Co " + seq.get()).put("phones", new JsonArray().add(phone)));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String customer = c.json().getString("id");
        engine.post(
                "/api/v1/customers/" + customer + "/installations",
                new JsonObject().put("product", "pump").put("installedOn", "2026-03-02"));
        assertThat(engine.post("/api/v1/followups/plan", new JsonObject()).status())
                .isEqualTo(200);
        return customer + ":2026-Q1";
    }

    @Test
    void clickToCallRingsTheAgentFirstThenTheCustomer() {
        String id = plannedFollowUp();
        Response r = engine.post("/api/v1/followups/" + id + "/dial", new JsonObject().put("extension", "101"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getBoolean("dialled")).isTrue();
        Map<String, String> sent = ami.server.originated.stream()
                .filter(a -> "PJSIP/101".equals(a.get("channel")))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(sent.get("context")).isEqualTo("from-internal");
        assertThat(sent.get("exten")).startsWith("+86136");
        assertThat(r.json().getJsonObject("followUp").getString("owner")).isEqualTo("admin");
    }

    @Test
    void aFailedOriginateIsRecordedAndTheFollowUpKept() {
        String id = plannedFollowUp();
        ami.server.channelUnavailable("PJSIP/109");
        Response r = engine.post("/api/v1/followups/" + id + "/dial", new JsonObject().put("extension", "109"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getBoolean("dialled")).isFalse();
        JsonObject f = engine.get("/api/v1/followups/" + id).json();
        assertThat(f.getString("status")).isEqualTo("open");
        assertThat(f.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("dial_failed");
        assertThat(f.getJsonArray("attempts").getJsonObject(0).getString("note"))
                .contains("Originate failed");
    }

    @Test
    void nothingIsDialledAtNight() {
        String id = plannedFollowUp();
        int before = ami.server.originated.size();
        clock.set(at("2026-03-09T22:00"));
        try {
            Response r = engine.post("/api/v1/followups/" + id + "/dial", new JsonObject().put("extension", "101"));
            assertThat(r.status()).isEqualTo(409);
            assertThat(ami.server.originated).hasSize(before);
        } finally {
            clock.set(at("2026-03-09T10:00"));
        }
        assertThat(engine.post("/api/v1/followups/" + id + "/dial", new JsonObject().put("extension", "1; drop"))
                        .status())
                .isEqualTo(400);
    }
}
