package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.callcenter.support.Await;
import org.callcenter.support.Caller;
import org.callcenter.support.FakeAsterisk;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped post-call survey: rating 1-5 stored against call, agent and request; 9 asks for a call back. */
class SurveyTest {
    static final AtomicInteger seq = new AtomicInteger();
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(TestRedis.tempDir("ivr-survey"), Map.of());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Caller survey(String script, String uniqueId, Map<String, String> channelVars, String... keys) {
        Map<String, String> env = FakeAsterisk.env(script, Map.of("agi_uniqueid", uniqueId));
        Map<String, String> vars = new HashMap<>(channelVars);
        vars.put("CHANNEL(linkedid)", "linked-" + uniqueId);
        Caller c = new Caller(FakeAsterisk.call(engine.engine().agiPort(), env), vars).press(keys);
        c.run();
        return c;
    }

    static JsonObject stored(String uniqueId) {
        Await.until(
                "survey of " + uniqueId,
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/ivr/surveys/" + uniqueId).status() == 200);
        return engine.get("/api/v1/ivr/surveys/" + uniqueId).json();
    }

    static String ticket() {
        return engine.post(
                        "/api/v1/tickets",
                        new JsonObject()
                                .put("phone", "13800138000")
                                .put("category", "leak")
                                .put("description", "pump"))
                .json()
                .getString("number");
    }

    @Test
    void ratingWithAgentAndTicketFromTheUrlAndACallBack() {
        String id = "1795570000." + seq.incrementAndGet();
        String ticket = ticket();
        Caller c = survey("survey?agent=PJSIP%2F1001&ticket=" + ticket, id, Map.of(), "4", "9");
        assertThat(c.commands().get(c.commands().size() - 1)).isEqualTo("HANGUP");
        JsonObject s = stored(id);
        assertThat(s.getInteger("rating")).isEqualTo(4);
        assertThat(s.getString("agent")).isEqualTo("PJSIP/1001");
        assertThat(s.getString("ticket")).isEqualTo(ticket);
        assertThat(s.getBoolean("callbackRequested")).isTrue();
        assertThat(s.getString("linkedId")).isEqualTo("linked-" + id);
        Document cb = engine.engine()
                .mongo()
                .database()
                .getCollection("callbacks")
                .find(Filters.eq("_id", id + ":survey"))
                .first();
        assertThat(cb).isNotNull();
        assertThat(cb.getString("ticket")).isEqualTo(ticket);
        assertThat(cb.getString("status")).isEqualTo("open");
    }

    @Test
    void agentAndTicketFromChannelVariablesWithoutCallBack() {
        String id = "1795570000." + seq.incrementAndGet();
        String ticket = ticket();
        survey("survey", id, Map.of("MEMBERINTERFACE", "Local/101@queue-agents/n", "CC_TICKET", ticket), "5", "");
        JsonObject s = stored(id);
        assertThat(s.getInteger("rating")).isEqualTo(5);
        assertThat(s.getString("agent")).isEqualTo("Local/101@queue-agents/n");
        assertThat(s.getString("ticket")).isEqualTo(ticket);
        assertThat(s.getBoolean("callbackRequested")).isFalse();
    }

    @Test
    void invalidRatingsAreRepromptedAndSilenceStoresNothing() {
        String id = "1795570000." + seq.incrementAndGet();
        Caller c = survey("survey", id, Map.of(), "7", "");
        assertThat(c.commands()).contains("STREAM FILE cc-survey-invalid-rating \"\"");
        assertThat(c.commands()).contains("STREAM FILE cc-goodbye \"\"");
        Await.until(
                "trace",
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/ivr/sessions/" + id).status() == 200);
        assertThat(engine.get("/api/v1/ivr/surveys/" + id).status()).isEqualTo(404);
        assertThat(engine.get("/api/v1/ivr/sessions/" + id).json().getString("digits"))
                .isEqualTo("7");
    }

    @Test
    void hotlineThenSurveyOnTheSameChannelKeepBothTraces() {
        String id = "1795570000." + seq.incrementAndGet();
        survey("hotline", id, Map.of(), "1");
        Await.until(
                "hotline trace",
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/ivr/sessions/" + id).status() == 200);
        survey("survey", id, Map.of("MEMBERINTERFACE", "PJSIP/1001"), "2", "");
        Await.until(
                "survey trace",
                Duration.ofSeconds(10),
                () -> engine.get("/api/v1/ivr/sessions/" + id + ":survey").status() == 200);
        assertThat(engine.get("/api/v1/ivr/sessions/" + id).json().getString("script"))
                .isEqualTo("hotline");
        JsonObject survey = engine.get("/api/v1/ivr/sessions/" + id + ":survey").json();
        assertThat(survey.getString("uniqueId")).isEqualTo(id);
        assertThat(survey.getString("digits")).isEqualTo("2");
        assertThat(stored(id).getInteger("rating")).isEqualTo(2);
    }

    @Test
    void openSessionsGaugeIsExportedAndBackAtZero() {
        survey("survey", "1795570000." + seq.incrementAndGet(), Map.of(), "3", "");
        Await.until(
                "gauge at zero",
                Duration.ofSeconds(10),
                () -> engine.send("GET", "/metrics", null, null).body().contains("callcenter_ivr_sessions_open 0.0"));
        assertThat(engine.send("GET", "/metrics", null, null).body()).contains("callcenter_ivr_surveys_total");
    }
}
