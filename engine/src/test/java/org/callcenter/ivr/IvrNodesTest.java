package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.support.Await;
import org.callcenter.support.Caller;
import org.callcenter.support.FakeAsterisk;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Node types the shipped scripts do not reach, hot reload in a running engine, and faults. */
class IvrNodesTest {
    static final AtomicInteger seq = new AtomicInteger();
    static Path scripts;
    static TestEngine engine;

    static final String NODES = """
            start: who
            nodes:
              who:
                type: identify_caller
                known: greet
                unknown: anonymous
              greet:
                type: say_number
                prompt: cc-you-have-requests
                value: "42"
                next: amount
              amount:
                type: collect
                prompt: cc-enter-amount
                store: amount
                max_digits: 4
                min_digits: 2
                validate: "[0-9]{2,4}"
                retries: 0
                next: remember
                fallback: bye
              remember:
                type: set
                var: note
                value: "amount ${amount} from ${customer_name}"
                next: read_back
              read_back:
                type: say_digits
                value: ${amount}
                next: bye
              anonymous:
                type: register_problem
                category: test
                failed: no_caller_id
                next: bye
              no_caller_id:
                type: callback
                reason: test
                failed: loop
                next: bye
              loop:
                type: set
                var: x
                value: "1"
                next: loop
              bye:
                type: hangup
            """;

    @BeforeAll
    static void start() throws Exception {
        scripts = TestRedis.tempDir("ivr-nodes-scripts");
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("nodes.yaml"), NODES);
        engine = TestEngine.start(
                TestRedis.tempDir("ivr-nodes"),
                Map.of(
                        "IVR_SCRIPTS_DIR",
                        scripts.toString(),
                        "IVR_RELOAD_MILLIS",
                        "50",
                        "AGI_REPLY_TIMEOUT_SECONDS",
                        "1"));
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
    }

    static Caller call(String script, String callerId, String... keys) {
        String id = "1795580000." + seq.incrementAndGet();
        Map<String, String> env = FakeAsterisk.env(script, Map.of("agi_uniqueid", id, "agi_callerid", callerId));
        Caller c = new Caller(FakeAsterisk.call(engine.engine().agiPort(), env), new HashMap<>()).press(keys);
        c.run();
        return c;
    }

    @Test
    void knownCallerSayNumberCollectSetSayDigits() {
        String phone = "139" + String.format("%08d", ProcessHandle.current().pid() % 100_000_000);
        JsonObject customer = new JsonObject()
                .put("name", "Huadong Lubrication")
                .put("phones", new JsonArray().add(phone))
                .put("region", "capital");
        assertThat(engine.post("/api/v1/customers", customer).status()).isEqualTo(201);
        Caller c = call("nodes", phone, "7", "1234");
        assertThat(c.commands())
                .contains("SAY NUMBER 42 \"\"", "GET DATA cc-enter-amount 5000 4")
                .doesNotContain("SAY DIGITS 1234 \"\"");
        // "7" failed validation with no retries: straight to the fallback
        assertThat(c.commands().get(c.commands().size() - 1)).isEqualTo("HANGUP");
        Caller ok = call("nodes", phone, "1234");
        assertThat(ok.commands()).contains("SAY DIGITS 1234 \"\"");
    }

    @Test
    void noCallerIdFailsOverAndALoopEndsAtTheOperatorWithAnApology() {
        Caller c = call("nodes", "");
        assertThat(c.commands()).contains("STREAM FILE cc-sorry-technical-problem \"\"");
        assertThat(c.variables()).containsEntry("CC_QUEUE", "operator");
    }

    @Test
    void aChangedScriptIsPickedUpByTheRunningEngineAndABrokenOneIsNot() throws Exception {
        Files.writeString(scripts.resolve("fresh.yaml"), "start: a\nnodes:\n  a:\n    type: queue\n    queue: fresh\n");
        Await.until(
                "fresh script loaded",
                Duration.ofSeconds(10),
                () -> engine.engine().ivr().scripts().get("fresh").isPresent());
        assertThat(call("fresh", "13800138000").variables()).containsEntry("CC_QUEUE", "fresh");
        Files.writeString(scripts.resolve("fresh.yaml"), "start: a\nnodes:\n  a:\n    type: queue\n");
        Files.setLastModifiedTime(
                scripts.resolve("fresh.yaml"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        // the broken edit is refused: still served by the old version
        Await.until(
                "reload attempted",
                Duration.ofSeconds(10),
                () -> engine.send("GET", "/metrics", null, null)
                        .body()
                        .contains("callcenter_ivr_script_loads_total{outcome=\"invalid\"}"));
        assertThat(call("fresh", "13800138000").variables()).containsEntry("CC_QUEUE", "fresh");
    }

    @Test
    void garbageFromAsteriskMidScriptStillReachesTheOperatorAndNothingLeaks() {
        Map<String, String> env = FakeAsterisk.env("nodes", Map.of("agi_uniqueid", "garbage-1"));
        try (FakeAsterisk a = FakeAsterisk.call(engine.engine().agiPort(), env)) {
            a.expect("GET VARIABLE");
            a.send("what is this");
            // the command failed, not the call: apology and the operator
            a.expect("STREAM FILE cc-sorry-technical-problem");
            a.send("200 result=0 endpos=100");
            assertThat(a.expect("SET VARIABLE CC_QUEUE")).isEqualTo("SET VARIABLE CC_QUEUE \"operator\"");
            a.send("more garbage");
            assertThat(a.closedByServer()).isTrue();
        }
        Await.until(
                "no open sessions",
                Duration.ofSeconds(10),
                () -> engine.engine().ivr().openSessions() == 0);
    }

    @Test
    void anAsteriskThatStopsAnsweringDoesNotHoldTheSession() {
        Map<String, String> env = FakeAsterisk.env("nodes", Map.of("agi_uniqueid", "silent-1"));
        try (FakeAsterisk a = FakeAsterisk.call(engine.engine().agiPort(), env)) {
            a.expect("GET VARIABLE");
            // no reply at all (a peer gone without closing its socket): closed after the reply timeout
            assertThat(a.closedByServer()).isTrue();
        }
        Await.until(
                "no open sessions",
                Duration.ofSeconds(10),
                () -> engine.engine().ivr().openSessions() == 0);
    }
}
