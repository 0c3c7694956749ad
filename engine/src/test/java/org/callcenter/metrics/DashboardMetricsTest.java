package org.callcenter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.callcenter.support.Agents;
import org.callcenter.support.Await;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.Telephony;
import org.callcenter.telephony.sim.CallScript;
import org.callcenter.wallboard.WallboardClient;
import org.junit.jupiter.api.Test;

/**
 * Every metric name any dashboard under dashboards/ queries is exported by a running engine's
 * /metrics. The engine is exercised for real (AMI link and a queued call with its screen-pop, API
 * requests, logins, an open wallboard); meters that only appear on rare events (a breach, a failed
 * SMS, an IVR node error, an AMI login failure) are registered by calling their declared methods
 * in metrics/ on the engine's own registry, as the domain code does when the event happens.
 */
class DashboardMetricsTest {
    static final Path DASHBOARDS = Path.of("..", "dashboards");

    @Test
    void theExtractorKeepsSeriesNamesAndDropsFunctionsLabelsRangesAndVariables() {
        assertThat(DashboardQueries.metricNames(
                        "histogram_quantile(0.99, sum by (le, source) (rate(callcenter_history_lookup_duration_seconds_bucket"
                                + "{source=\"cache\",instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("callcenter_history_lookup_duration_seconds_bucket");
        assertThat(DashboardQueries.metricNames(
                        "sum(rate(a_total{x=\"y by (z)\"}[5m])) / on (instance) group_left(job) max without (q) (b_seconds_max)"
                                + " * 2 + (c offset 1h) and bool d"))
                .containsExactly("a_total", "b_seconds_max", "c", "d");
        assertThat(DashboardQueries.metricNames("up == 1 unless absent(up_x)")).containsExactly("up", "up_x");
        JsonObject board = new JsonObject()
                .put(
                        "panels",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("type", "row")
                                        .put(
                                                "panels",
                                                new JsonArray()
                                                        .add(new JsonObject()
                                                                .put(
                                                                        "targets",
                                                                        new JsonArray()
                                                                                .add(new JsonObject()
                                                                                        .put(
                                                                                                "expr",
                                                                                                "nested_total")))))))
                .put(
                        "templating",
                        new JsonObject()
                                .put(
                                        "list",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("query", "label_values(callcenter_store_up, instance)"))));
        assertThat(DashboardQueries.inDashboard(board)).containsExactly("callcenter_store_up", "nested_total");
    }

    @Test
    void aNameNoEngineExportsIsReported() {
        String exposition = "# TYPE callcenter_sla_breaches_total counter\n"
                + "callcenter_sla_breaches_total{clock=\"feedback\"} 1.0\n";
        Set<String> exported = DashboardQueries.exported(exposition);
        assertThat(exported).containsExactly("callcenter_sla_breaches_total");
        Map<String, Set<String>> queried = Map.of(
                "callcenter_sla_breaches_total", Set.of("sla.json"),
                "callcenter_sla_breaches", Set.of("sla.json"), // Micrometer name without _total: not a series
                "callcenter_bogus_total", Set.of("bogus.json"));
        assertThatThrownBy(() -> assertAllExported(queried, exported))
                .hasMessageContaining("callcenter_bogus_total")
                .hasMessageContaining("callcenter_sla_breaches=")
                .hasMessageNotContaining("callcenter_sla_breaches_total");
    }

    @Test
    void everyMetricADashboardQueriesIsExportedByARunningEngine() {
        Map<String, Set<String>> queried = DashboardQueries.inDirectory(DASHBOARDS);
        assertThat(queried.values().stream().flatMap(Set::stream).distinct())
                .contains(
                        "callcenter-overview.json",
                        "callcenter-sla.json",
                        "callcenter-telephony.json",
                        "callcenter-sms.json",
                        "callcenter-quality.json");
        assertThat(queried).containsKeys("callcenter_returns_recorded_total", "callcenter_wallboard_pushes_total");
        try (TestAmi ami = new TestAmi();
                TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), ami.env())) {
            exercise(engine, ami);
            registerRareEvents(engine.engine().registry());
            String exposition = engine.send("GET", "/metrics", null, null).body();
            assertAllExported(queried, DashboardQueries.exported(exposition));
        }
    }

    @Test
    void everyCallcenterNameADashboardQueriesIsDeclaredInTheMetricsPackage() {
        Set<String> declared = declaredMeterNames();
        assertThat(declared).contains(WallboardMeters.PUSHES, SlaMeters.BREACHES, Meters.TICKETS_CREATED);
        assertThat(prometheusNames("callcenter.tickets.created"))
                .contains("callcenter_tickets_total") // Prometheus reserves the _created suffix
                .doesNotContain("callcenter_tickets_created_total");
        Map<String, Set<String>> undeclared = new TreeMap<>(DashboardQueries.inDirectory(DASHBOARDS));
        undeclared
                .keySet()
                .removeIf(name -> !name.startsWith("callcenter_")
                        || declared.stream().anyMatch(d -> prometheusNames(d).contains(name)));
        assertThat(undeclared)
                .as("dashboard names with no meter declared in metrics/")
                .isEmpty();
        assertThat(declared.stream().anyMatch(d -> prometheusNames(d).contains("callcenter_bogus_total")))
                .isFalse();
    }

    /** Every {@code "callcenter.x.y"} constant in the metrics package's sources. */
    static Set<String> declaredMeterNames() {
        Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Pattern constant =
                java.util.regex.Pattern.compile("static final String \\w+ = \"(callcenter\\.[a-z0-9_.]+)\"");
        try (var files = java.nio.file.Files.list(Path.of("src", "main", "java", "org", "callcenter", "metrics"))) {
            for (Path f : files.toList()) {
                var m = constant.matcher(java.nio.file.Files.readString(f));
                while (m.find()) out.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** The series names a Micrometer meter can have in Prometheus (counter, gauge, timer, histogram). */
    static Set<String> prometheusNames(String micrometer) {
        String base = micrometer.replace('.', '_');
        if (base.endsWith("_created")) base = base.substring(0, base.length() - "_created".length());
        Set<String> out = new java.util.TreeSet<>();
        out.add(base);
        out.add(base + "_total");
        for (String unit : List.of("", "_seconds"))
            for (String part : List.of("_bucket", "_count", "_sum", "_max")) out.add(base + unit + part);
        return out;
    }

    static void assertAllExported(Map<String, Set<String>> queried, Set<String> exported) {
        Map<String, Set<String>> missing = new TreeMap<>(queried);
        missing.keySet().removeAll(exported);
        if (!missing.isEmpty())
            throw new AssertionError("dashboards query metrics the engine does not export: " + missing);
    }

    private static void exercise(TestEngine engine, TestAmi ami) {
        Await.until("the AMI link", Duration.ofSeconds(15), () -> ami.server.sessions() == 1);
        String agent = Agents.agent(engine, "sun103", "Local/101@queue-agents/n");
        String phone = "13622223333";
        TestEngine.Response customer = engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Ningbo Valves")
                        .put("phones", new JsonArray().add(phone))
                        .put("region", "capital"));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        TestEngine.Response ticket = engine.post(
                "/api/v1/tickets",
                new JsonObject().put("phone", phone).put("category", "leak").put("description", "valve drips"));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        String number = ticket.json().getString("number");
        long version = ticket.json().getLong("version");
        TestEngine.Response edit = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject().put("version", version).put("severity", "complex"));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        TestEngine.Response stale = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject().put("version", version).put("severity", "general"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(engine.get("/api/v1/callers/" + phone + "/history").status()).isEqualTo(200);
        String customerId = customer.json().getString("id");
        String installation = engine.post(
                        "/api/v1/customers/" + customerId + "/installations",
                        new JsonObject().put("product", "Valve V-1"))
                .json()
                .getString("id");
        TestEngine.Response returned = engine.post(
                "/api/v1/returns",
                new JsonObject()
                        .put("customerId", customerId)
                        .put("installationId", installation)
                        .put("condition", "damaged")
                        .put("reason", "crushed in transit"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        engine.send("POST", "/api/v1/auth/login", "{\"username\":\"sun103\",\"password\":\"wrong-one\"}", null);
        engine.send("GET", "/api/v1/customers", null, null);
        try (WallboardClient board = WallboardClient.open(engine.base(), engine.adminToken())) {
            CallScript call = new CallScript(
                    new CallScript.Ids(Instant.now().getEpochSecond()),
                    "support",
                    phone,
                    "Ningbo Valves",
                    List.<String[]>of(Telephony.DEMO_MEMBERS.get(0)));
            call.ring(Instant.now()).forEach(ami.server::emit);
            board.await("the queued call", s -> s.getJsonObject("calls").getInteger("waiting") == 1);
            call.answer(Instant.now(), 0).forEach(ami.server::emit);
            call.hangup(Instant.now(), 0).forEach(ami.server::emit);
            board.await(
                    "the call ended",
                    s -> s.getJsonObject("calls").getInteger("active") == 0
                            && s.getJsonObject("calls").getInteger("waiting") == 0);
        }
        assertThat(agent).isNotBlank();
    }

    private static void registerRareEvents(MeterRegistry registry) {
        SlaMeters sla = new SlaMeters(registry);
        sla.warned("feedback");
        sla.breached("feedback");
        sla.met("resolve", Duration.ofMinutes(30));
        sla.timerLag(Duration.ofMillis(3));
        SmsMeters sms = new SmsMeters(registry);
        sms.queued("visit_confirmation");
        sms.attempt("sent");
        sms.failed(30003);
        sms.reconciled();
        sms.webhook("status");
        IvrMeters ivr = new IvrMeters(registry);
        ivr.session("main", "completed");
        ivr.socketClosed("session done");
        ivr.nodeError("prompt");
        ivr.survey(5);
        ivr.callback("ivr");
        ivr.traceError();
        CallMeters calls = new CallMeters(registry);
        calls.amiError("bad_event");
        calls.amiReconnect();
        calls.amiLoginFailure("refused");
        calls.callbackCreated();
        calls.callStoreError("insert");
        calls.socketRefused("origin");
        new FollowupMeters(registry).outcome("reached");
        new Meters(registry).httpRejected("too_large");
    }
}
