package org.callcenter.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.callcenter.support.Agents;
import org.callcenter.support.Await;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.Test;

/**
 * Key warnings are kept by the quality domain; the wallboard learns new ones from events. An engine
 * restarted on the same stores shows the running month's warnings raised before the restart (and
 * not the previous month's). Calls live in the call tracker: a restarted engine adopts the calls
 * Asterisk still has, and the board shows the waiting and the answered ones.
 */
class WallboardRestartTest {
    static final Map<String, String> CONFIG =
            Map.of("TIME_ZONE", "UTC", "AUTH_TOKEN_TTL_HOURS", "100000", "WALLBOARD_REFRESH_SECONDS", "3600");

    @Test
    void aRestartedEngineShowsTheMonthsKeyWarnings() {
        Path data = TestRedis.tempDir("wallboard-restart");
        MutableClock clock = new MutableClock(Instant.parse("2026-10-20T10:00:00Z"));
        try (TestEngine first = TestEngine.start(data, CONFIG, clock)) {
            for (int i = 0; i < 3; i++) ticket(first, "boiler-x", "leak", "2026-09-1" + i + "T08:00:00Z");
            Await.until(
                    "September's warning raised",
                    Duration.ofSeconds(10),
                    () -> warnings(first, clock).encode().contains("2026-09"));
            clock.set(Instant.parse("2026-11-20T10:00:00Z"));
            for (int i = 0; i < 3; i++) ticket(first, "boiler-x", "noise", null);
            Await.until(
                    "November's warning raised",
                    Duration.ofSeconds(10),
                    () -> warnings(first, clock).encode().contains("noise"));
        }
        try (TestEngine second = TestEngine.start(data, CONFIG, clock)) {
            second.engine()
                    .wallboard()
                    .seeded()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
            JsonArray shown = warnings(second, clock);
            assertThat(shown).hasSize(1);
            assertThat(shown.getJsonObject(0).getMap())
                    .containsEntry("product", "boiler-x")
                    .containsEntry("category", "noise")
                    .containsEntry("period", "2026-11")
                    .containsEntry("count", 3L)
                    .containsEntry("previous", 0L);
            assertThat(shown.getJsonObject(0).getString("at")).isEqualTo("2026-11-20T10:00:00Z");
        }
    }

    @Test
    void callsWaitingAndAnsweredBeforeARestartAreShownByTheNextEngine() {
        Path data = TestRedis.tempDir("wallboard-restart-calls");
        try (TestAmi ami = new TestAmi()) {
            Map<String, String> env = new HashMap<>(CONFIG);
            env.putAll(ami.env());
            CallScript waiting = ami.pbx.script("+8613700003333", "Waiting Wu");
            CallScript talking = ami.pbx.script("+8613700004444", "Talking Tan");
            try (TestEngine first = TestEngine.start(data, env)) {
                Agents.agent(first, "agent-101", "Local/101@queue-agents/n");
                ami.pbx.emit(waiting.ring(Instant.now()));
                ami.pbx.emit(talking.ring(Instant.now()));
                ami.pbx.emit(talking.answer(Instant.now(), 0));
                Await.until(
                        "the first board shows both calls",
                        Duration.ofSeconds(10),
                        () -> shows(first, waiting, talking));
            }
            try (TestEngine second = TestEngine.start(data, env)) {
                Await.until(
                        "the restarted board shows both calls",
                        Duration.ofSeconds(10),
                        () -> shows(second, waiting, talking));
                JsonObject calls = second.engine()
                        .wallboard()
                        .state()
                        .snapshot(Instant.now())
                        .getJsonObject("calls");
                assertThat(calls.getInteger("waiting")).isEqualTo(1);
                assertThat(calls.getInteger("active")).isEqualTo(1);
                assertThat(calls.getJsonArray("activeCalls").encode()).contains("agent-101");
            }
        }
    }

    private static boolean shows(TestEngine engine, CallScript waiting, CallScript talking) {
        JsonObject calls =
                engine.engine().wallboard().state().snapshot(Instant.now()).getJsonObject("calls");
        return calls.getJsonArray("waitingCalls").encode().contains(waiting.linkedId())
                && calls.getJsonArray("activeCalls").encode().contains(talking.linkedId());
    }

    private static JsonArray warnings(TestEngine engine, MutableClock clock) {
        return engine.engine().wallboard().state().snapshot(clock.instant()).getJsonArray("keyWarnings");
    }

    private static void ticket(TestEngine engine, String product, String category, String openedAt) {
        JsonObject body = new JsonObject()
                .put("phone", String.format("137%08d", (ProcessHandle.current().pid() % 1000) * 10_000 + seq++))
                .put("product", product)
                .put("category", category)
                .put("description", "again");
        if (openedAt != null) body.put("openedAt", openedAt);
        TestEngine.Response r = engine.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static int seq = 500;
}
