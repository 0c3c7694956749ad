package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.callcenter.support.Await;
import org.callcenter.support.Caller;
import org.callcenter.support.FakeAsterisk;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped hotline script end to end: a fake Asterisk calls the engine over FastAGI. */
class HotlineTest {
    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_10 =
            LocalDateTime.parse("2026-03-09T10:00").atZone(CN).toInstant();
    static final Instant MONDAY_22 =
            LocalDateTime.parse("2026-03-09T22:00").atZone(CN).toInstant();
    static final MutableClock clock = new MutableClock(MONDAY_10);
    static final AtomicInteger seq = new AtomicInteger();
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(TestRedis.tempDir("ivr-hotline"), Map.of("AUTH_TOKEN_TTL_HOURS", "100000"), clock);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @BeforeEach
    void workingHours() {
        clock.set(MONDAY_10);
    }

    static String uniqueId() {
        return "1795566844." + (100 + seq.incrementAndGet());
    }

    static String phone() {
        return String.format("136%08d", (ProcessHandle.current().pid() % 1000) * 10_000 + seq.incrementAndGet());
    }

    /** Calls {@code script} from {@code phone}, pressing {@code keys}; returns the caller when done. */
    static Caller call(String script, String uniqueId, String phone, String... keys) {
        return call(script, uniqueId, phone, -1, keys);
    }

    static Caller call(String script, String uniqueId, String phone, int hangupAt, String... keys) {
        Map<String, String> env = FakeAsterisk.env(
                script, Map.of("agi_uniqueid", uniqueId, "agi_callerid", phone, "agi_calleridname", "Li Wei"));
        Map<String, String> vars = new HashMap<>();
        vars.put("CHANNEL(linkedid)", uniqueId + "-linked");
        Caller caller = new Caller(FakeAsterisk.call(engine.engine().agiPort(), env), vars).press(keys);
        if (hangupAt > 0) caller.hangupAt(hangupAt);
        caller.run();
        return caller;
    }

    static JsonObject trace(String uniqueId) {
        Await.until(
                "trace of " + uniqueId,
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/ivr/sessions/" + uniqueId).status() == 200);
        return engine.get("/api/v1/ivr/sessions/" + uniqueId).json();
    }

    static List<String> nodes(JsonObject trace) {
        return trace.getJsonArray("path").stream()
                .map(o -> ((JsonObject) o).getString("node"))
                .toList();
    }

    static void noOpenSessions() {
        Await.until(
                () -> "open FastAGI sessions back to 0, now "
                        + engine.engine().ivr().openSessions(),
                Duration.ofSeconds(10),
                () -> engine.engine().ivr().openSessions() == 0);
    }

    @Test
    void newProblemInWorkingHoursGoesToTheSupportQueue() {
        String id = uniqueId();
        Caller c = call("hotline", id, "13800138000", "1");
        assertThat(c.commands()).startsWith("GET VARIABLE CHANNEL(linkedid)", "STREAM FILE cc-welcome \"\"");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "support");
        JsonObject t = trace(id);
        assertThat(nodes(t)).containsExactly("welcome", "identify", "menu", "new_problem", "support");
        assertThat(t.getString("digits")).isEqualTo("1");
        assertThat(t.getString("linkedId")).isEqualTo(id + "-linked");
        assertThat(t.getString("threadId")).isEqualTo("139905016317632");
        assertThat(t.getString("phone")).isEqualTo("+8613800138000");
        assertThat(t.getString("outcome")).isEqualTo("queued");
        noOpenSessions();
    }

    @Test
    void afterHoursTheProblemIsRegisteredAndACallBackPromised() {
        clock.set(MONDAY_22);
        String id = uniqueId();
        String phone = phone();
        Caller c = call("hotline", id, phone, "1");
        String ticket = trace(id).getString("ticket");
        assertThat(ticket).isNotNull();
        JsonObject t = engine.get("/api/v1/tickets/" + ticket).json();
        assertThat(t.getString("channel")).isEqualTo("ivr");
        assertThat(t.getString("category")).isEqualTo("ivr-after-hours");
        Document cb = engine.engine()
                .mongo()
                .database()
                .getCollection("callbacks")
                .find(Filters.eq("_id", id + ":ivr"))
                .first();
        assertThat(cb).isNotNull();
        assertThat(cb.getString("status")).isEqualTo("open");
        assertThat(cb.getString("source")).isEqualTo("ivr");
        assertThat(cb.getString("reason")).isEqualTo("after_hours_problem");
        // promised within 1 working hour of the next opening (Tuesday 09:00 in the china-2026 calendar)
        Instant due = cb.getDate("dueBy").toInstant();
        assertThat(due)
                .isEqualTo(LocalDateTime.parse("2026-03-10T10:00").atZone(CN).toInstant());
        assertThat(c.commands())
                .contains("SAY DATETIME " + due.getEpochSecond() + " \"\" \"ABdY 'digits/at' IMp\" Asia/Shanghai");
        assertThat(c.commands()).contains("SAY DIGITS " + ticket + " \"\"");
        assertThat(c.commands().get(c.commands().size() - 1)).isEqualTo("HANGUP");
        noOpenSessions();
    }

    @Test
    void statusOfARequestByItsNumber() {
        String phone = phone();
        JsonObject created = engine.post(
                        "/api/v1/tickets",
                        new JsonObject()
                                .put("phone", phone)
                                .put("category", "leak")
                                .put("description", "oil leak"))
                .json();
        String number = created.getString("number");
        // the SLA clocks are planned just after registration (an event); the IVR speaks their due time
        Await.until("clocks of " + number, Duration.ofSeconds(10), () -> {
            JsonObject clocks = engine.get("/api/v1/tickets/" + number).json().getJsonObject("clocks");
            return clocks != null && !clocks.isEmpty();
        });
        // the earliest due among the running clocks, as the SLA API shows them
        JsonObject clocks = engine.get("/api/v1/tickets/" + number).json().getJsonObject("clocks");
        Instant due = clocks.fieldNames().stream()
                .map(clocks::getJsonObject)
                .filter(v -> "running".equals(v.getString("state")) && v.getString("due") != null)
                .map(v -> Instant.parse(v.getString("due")))
                .min(Instant::compareTo)
                .orElseThrow();
        String id = uniqueId();
        Caller c = call("hotline", id, phone, "2", number, "");
        // status and clocks come from one read of the request: the status prompt, then its due time
        assertThat(c.commands())
                .containsSubsequence(
                        "STREAM FILE cc-status-registered \"\"",
                        "STREAM FILE cc-due-by \"\"",
                        "SAY DATETIME " + due.getEpochSecond() + " \"\" \"ABdY 'digits/at' IMp\" Asia/Shanghai");
        JsonObject t = trace(id);
        assertThat(nodes(t))
                .containsExactly("welcome", "identify", "menu", "ask_number", "status", "after_status", "goodbye");
        assertThat(t.getString("digits")).isEqualTo("2" + number);
        assertThat(t.getString("ticket")).isEqualTo(number);
        assertThat(t.getString("customerId")).isNull();
    }

    @Test
    void wrongNumbersAreRepromptedThenTheOperator() {
        String id = uniqueId();
        Caller c = call("hotline", id, phone(), "2", "12345678", "", "99999999");
        assertThat(c.commands()).contains("STREAM FILE cc-invalid-request-number \"\"", "STREAM FILE cc-no-input \"\"");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "operator");
        assertThat(trace(id).getString("outcome")).isEqualTo("queued");
    }

    @Test
    void menuRepromptsOnInvalidKeysAndSilenceThenFallsBackToTheOperator() {
        String id = uniqueId();
        Caller c = call("hotline", id, phone(), "7", "", "#");
        assertThat(c.commands().stream().filter(x -> x.startsWith("GET DATA cc-hotline-menu")))
                .hasSize(3);
        assertThat(c.commands()).contains("STREAM FILE cc-invalid-option \"\"", "STREAM FILE cc-no-input \"\"");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "operator");
        JsonObject t = trace(id);
        assertThat(nodes(t)).containsExactly("welcome", "identify", "menu", "menu", "menu", "operator");
    }

    @Test
    void complaintIsRegisteredAndQueuedWithItsTicket() {
        String id = uniqueId();
        Caller c = call("hotline", id, phone(), "3");
        String ticket = c.variables().get("CC_TICKET");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "complaints");
        assertThat(engine.get("/api/v1/tickets/" + ticket).json().getString("category"))
                .isEqualTo("complaint");
        // routed into the quality domain: a complaint against the request, with its clocks running
        io.vertx.core.json.JsonArray complaints =
                engine.get("/api/v1/complaints?ticket=" + ticket).array();
        assertThat(complaints).hasSize(1);
        assertThat(complaints.getJsonObject(0).getString("source")).isEqualTo("ivr");
        Await.until(
                "complaint clocks of " + ticket,
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/tickets/" + ticket)
                        .json()
                        .getJsonObject("clocks")
                        .containsKey("complaint_answer"));
    }

    @Test
    void salesQuestionsAreTransferred() {
        String id = uniqueId();
        Caller c = call("hotline", id, phone(), "4");
        assertThat(c.variables()).containsEntry("CC_TRANSFER", "sales").containsEntry("CC_QUEUE", "sales");
        assertThat(trace(id).getString("outcome")).isEqualTo("transferred");
    }

    @Test
    void unknownScriptApologisesAndSendsToTheOperator() {
        String id = uniqueId();
        Caller c = call("no-such-script?x=1", id, phone());
        assertThat(c.commands()).contains("STREAM FILE cc-sorry-technical-problem \"\"");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "operator");
        assertThat(trace(id).getString("outcome")).isEqualTo("unknown_script");
    }

    @Test
    void aHangupAtAnyCommandEndsTheSessionCleanly() {
        String number = engine.post(
                        "/api/v1/tickets",
                        new JsonObject()
                                .put("phone", phone())
                                .put("category", "leak")
                                .put("description", "x"))
                .json()
                .getString("number");
        int commands =
                call("hotline", uniqueId(), phone(), "2", number, "").commands().size();
        for (int at = 1; at <= commands; at++) {
            String id = uniqueId();
            Caller c = call("hotline", id, phone(), at, "2", number, "");
            assertThat(c.commands()).hasSize(at);
            assertThat(trace(id).getString("outcome")).isEqualTo("caller_hangup");
        }
        noOpenSessions();
    }
}
