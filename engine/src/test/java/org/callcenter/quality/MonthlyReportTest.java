package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly and weekly reports against a seeded October 2026 whose answers are worked out by hand:
 * requests, clocks, visits (collection {@code visits} as dispatch writes it), IVR surveys, calls and
 * complaints, with data just before and after the month that must not count.
 */
class MonthlyReportTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-10-15T10:00:00Z"));
    static TestEngine engine;

    @BeforeAll
    static void seed() {
        engine = SeededOctober.start(clock);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void octoberHasTheWorkedOutFigures() {
        Response r = engine.get("/api/v1/reports/monthly/2026-10?fresh=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject report = r.json();
        assertThat(report.getBoolean("complete")).isTrue();
        assertThat(report.getJsonObject("totals").getMap())
                .containsEntry("requests", 4)
                .containsEntry("visits", 4)
                .containsEntry("ratings", 7)
                .containsEntry("complaints", 3)
                .containsEntry("verifiedComplaints", 1)
                .containsEntry("keyWarnings", 1)
                .containsEntry("returns", 3);
        JsonObject returns = report.getJsonObject("returns");
        assertThat(returns.getInteger("count")).isEqualTo(3);
        assertThat(returns.getJsonObject("byProduct").getMap())
                .containsOnly(Map.entry("fan-b", 1), Map.entry("pump-a", 2));
        assertThat(returns.getJsonObject("byCondition").getMap())
                .containsOnly(Map.entry("damaged", 1), Map.entry("defective", 1), Map.entry("intact", 1));
        JsonArray techs = report.getJsonArray("technicians");
        assertThat(techs.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("t1", "t2", "t3");
        JsonObject t1 = techs.getJsonObject(0);
        assertThat(t1.getString("name")).isEqualTo("Li Lei");
        assertThat(t1.getMap())
                .containsEntry("requests", 2)
                .containsEntry("visits", 3)
                .containsEntry("arrived", 3)
                .containsEntry("punctual", 2)
                .containsEntry("late", 1)
                .containsEntry("punctualityPercent", 66.67)
                .containsEntry("averageMinutesLate", 40.0)
                .containsEntry("complaints", 2)
                .containsEntry("verifiedComplaints", 1)
                .containsEntry("verifiedInWindow", 2)
                .containsEntry("ladderStep", "warning")
                .containsEntry("ladderDue", "penalty");
        assertThat(t1.getJsonObject("ratings").getMap())
                .containsEntry("count", 2)
                .containsEntry("average", 4.0);
        assertThat(t1.getJsonObject("clocks").encode())
                .isEqualTo(new JsonObject()
                        .put("feedback", counts(1, 1))
                        .put("onsite_arrival", counts(0, 1))
                        .put("resolve", counts(1, 0))
                        .encode());
        JsonObject t2 = techs.getJsonObject(1);
        assertThat(t2.getMap())
                .containsEntry("requests", 1)
                .containsEntry("visits", 1)
                .containsEntry("punctual", 0)
                .containsEntry("late", 1)
                .containsEntry("punctualityPercent", 0.0)
                .containsEntry("averageMinutesLate", 20.0)
                .containsEntry("complaints", 1)
                .containsEntry("verifiedComplaints", 0)
                .containsEntry("verifiedInWindow", 0);
        assertThat(t2.getValue("ladderStep")).isNull();
        assertThat(t2.getJsonObject("ratings").getMap())
                .containsEntry("count", 2)
                .containsEntry("average", 3.0);
        assertThat(t2.getJsonObject("clocks").encode())
                .isEqualTo(new JsonObject().put("onsite_arrival", counts(1, 0)).encode());
        JsonObject t3 = techs.getJsonObject(2);
        assertThat(t3.getMap())
                .containsEntry("visits", 0)
                .containsEntry("requests", 0)
                .containsEntry("complaints", 0);
        assertThat(t3.getValue("punctualityPercent")).isNull();
        assertThat(t3.getJsonObject("ratings").getValue("average")).isNull();

        // surveys named alice and bob by interface: still one row each, under their usernames
        JsonArray agents = report.getJsonArray("agents");
        assertThat(agents.stream().map(o -> ((JsonObject) o).getString("agent")))
                .containsExactly("alice", "bob");
        JsonObject alice = agents.getJsonObject(0);
        assertThat(alice.getMap()).containsEntry("requests", 3).containsEntry("callsAnswered", 2);
        assertThat(alice.getJsonObject("ratings").getMap())
                .containsEntry("count", 2)
                .containsEntry("average", 4.5);
        assertThat(alice.getJsonObject("clocks").encode())
                .isEqualTo(t1.getJsonObject("clocks").encode());
        JsonObject bob = agents.getJsonObject(1);
        assertThat(bob.getMap()).containsEntry("requests", 1).containsEntry("callsAnswered", 2);
        assertThat(bob.getJsonObject("ratings").getMap())
                .containsEntry("count", 1)
                .containsEntry("average", 1.0);

        JsonArray recurring = report.getJsonArray("recurring");
        JsonObject pump = recurring.getJsonObject(0);
        assertThat(pump.getMap())
                .containsEntry("product", "pump-a")
                .containsEntry("category", "leak")
                .containsEntry("route", "technical")
                .containsEntry("month", 3)
                .containsEntry("previousMonth", 1)
                .containsEntry("quarter", 3)
                .containsEntry("previousQuarter", 1)
                .containsEntry("year", 4)
                .containsEntry("previousYear", 0)
                .containsEntry("warning", true);
        JsonObject fan = recurring.getJsonObject(1);
        assertThat(fan.getMap())
                .containsEntry("product", "fan-b")
                .containsEntry("route", "service")
                .containsEntry("month", 1)
                .containsEntry("warning", false);
        assertThat(report.getJsonArray("keyWarnings").getJsonObject(0).getMap())
                .containsEntry("product", "pump-a")
                .containsEntry("period", "2026-10")
                .containsEntry("count", 3)
                .containsEntry("previous", 1);

        // stored once produced: asked again, the same report comes back
        Response again = engine.get("/api/v1/reports/monthly/2026-10");
        assertThat(again.json().getString("generatedAt")).isEqualTo(report.getString("generatedAt"));
    }

    @Test
    void htmlCsvAndFilters() {
        Response html = engine.get("/api/v1/reports/monthly/2026-10?format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(html.body())
                .contains("Service-quality summary 2026-10", "Li Lei", "pump-a / leak ⚠", "66.67")
                .contains("returns: 3", "Product returns", "<tr><td>pump-a</td><td>2</td></tr>")
                .contains("<tr><td>defective</td><td>1</td></tr>");
        Response csv = engine.get("/api/v1/reports/monthly/2026-10?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines())
                .contains("technician,2026-10,t1,Li Lei,2,3,3,2,1,66.67,40.0,,2,4.0,2,1,2,warning,penalty,"
                        + "1,1,1,0,0,0,0,0,0,0,0,1,0,0")
                .contains("agent,2026-10,bob,,1,,,,,,,2,1,1.0,,,,,,1,0,0,0,0,0,0,0,0,0,0,0,0,0")
                .contains("recurring,2026-10,pump-a,leak,technical,3,1,3,1,4,0,true")
                .contains("returns,2026-10,total,3", "returns_product,2026-10,pump-a,2")
                .contains("returns_product,2026-10,fan-b,1", "returns_condition,2026-10,intact,1");
        JsonObject only =
                engine.get("/api/v1/reports/monthly/2026-10?technician=t2").json();
        assertThat(only.getJsonArray("technicians")).hasSize(1);
        assertThat(only.getJsonArray("agents")).isEmpty();
        assertThat(engine.get("/api/v1/reports/monthly/2026-10?agent=bob")
                        .json()
                        .getJsonArray("agents"))
                .hasSize(1);
    }

    @Test
    void weeklyReportOfWeek41() {
        JsonObject w = engine.get("/api/v1/reports/weekly/2026-W41").json();
        assertThat(w.getString("from")).isEqualTo("2026-10-05T00:00:00Z");
        JsonObject phone = w.getJsonObject("telephone");
        assertThat(phone.getMap())
                .containsEntry("calls", 2)
                .containsEntry("averageWaitSeconds", 20.0)
                .containsEntry("averageTalkSeconds", 100.0);
        assertThat(phone.getJsonObject("byOutcome").getMap())
                .containsEntry("answered", 1)
                .containsEntry("abandoned", 1);
        assertThat(phone.getJsonObject("byAgent").getMap()).containsOnly(Map.entry("bob", 1));
        assertThat(w.getJsonObject("web").getInteger("consultations")).isEqualTo(1);
        assertThat(w.getJsonObject("web")
                        .getJsonArray("requests")
                        .getJsonObject(0)
                        .getString("number"))
                .isEqualTo("90000002");
        assertThat(w.getJsonObject("demands").getInteger("requests")).isEqualTo(2);
        String csv = engine.get("/api/v1/reports/weekly/2026-W41?format=csv").body();
        assertThat(csv.lines())
                .contains(
                        "telephone,2026-W41,calls,2", "web,2026-W41,consultations,1", "demand_channel,2026-W41,web,1");
    }

    @Test
    void badPeriodsAndFiltersAreClearErrorsAndEmptyMonthsRender() {
        for (String bad : List.of(
                "2026-12",
                "2027-01",
                "2026-13",
                "26-10",
                "abc",
                "2026-10?format=pdf",
                "2026-10?technician=bad%20id",
                "2026-10?agent=%3Cscript%3E",
                "2026-10?fresh=maybe")) {
            Response r = engine.get("/api/v1/reports/monthly/" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().getString("error")).as(bad).isEqualTo("invalid_input");
        }
        for (String bad : List.of("2026-W53", "2026-W00", "2026-W49", "2026-41"))
            assertThat(engine.get("/api/v1/reports/weekly/" + bad).status())
                    .as(bad)
                    .isEqualTo(400);
        Response empty = engine.get("/api/v1/reports/monthly/2025-03");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().getJsonObject("totals").getInteger("requests")).isZero();
        assertThat(empty.json().getJsonArray("technicians")).hasSize(3);
        assertThat(engine.get("/api/v1/reports/monthly/2025-03?format=html").status())
                .isEqualTo(200);
        assertThat(engine.get("/api/v1/reports/monthly/2025-03?format=csv")
                        .body()
                        .lines())
                .hasSize(9)
                .contains("returns,2025-03,total,0");
        assertThat(engine.get("/api/v1/reports/weekly/2025-W10?format=csv").status())
                .isEqualTo(200);
        // the running month is a partial report, never stored
        assertThat(engine.get("/api/v1/reports/monthly/2026-11").json().getBoolean("complete"))
                .isFalse();
    }

    @Test
    void satisfactionPerAgentTechnicianProductAndMonth() {
        JsonObject byAgent =
                engine.get("/api/v1/quality/satisfaction?from=2026-10&by=agent").json();
        assertThat(byAgent.getInteger("ratings")).isEqualTo(7);
        assertThat(byAgent.getJsonArray("groups").stream().map(o -> ((JsonObject) o).getString("key")))
                .containsExactly("alice", "bob");
        assertThat(byAgent.getJsonArray("groups").getJsonObject(0).getMap())
                .containsEntry("key", "alice")
                .containsEntry("count", 2)
                .containsEntry("average", 4.5);
        JsonObject byProduct = engine.get("/api/v1/quality/satisfaction?from=2026-10&by=product")
                .json();
        assertThat(byProduct.getJsonArray("groups").getJsonObject(0).getMap())
                .containsEntry("key", "pump-a")
                .containsEntry("count", 4)
                .containsEntry("average", 3.5)
                .containsEntry("sms", 4);
        JsonObject byTech = engine.get("/api/v1/quality/satisfaction?from=2026-10&by=technician")
                .json();
        assertThat(byTech.getJsonArray("groups")).hasSize(2);
        JsonObject byMonth = engine.get("/api/v1/quality/satisfaction?from=2026-09&to=2026-11&by=month")
                .json();
        assertThat(byMonth.getJsonArray("groups").stream().map(o -> ((JsonObject) o).getString("key")))
                .containsExactly("2026-10", "2026-11");
        assertThat(engine.get("/api/v1/quality/satisfaction?by=nobody").status())
                .isEqualTo(400);
        assertThat(engine.get("/api/v1/quality/satisfaction?from=2026-1").status())
                .isEqualTo(400);
        // a month in the future, a backwards or too long span: clear errors
        for (String bad : List.of(
                "from=2027-01", "from=2026-10&to=2026-12", "from=2026-10&to=2026-09", "from=2023-01&to=2026-10")) {
            Response r = engine.get("/api/v1/quality/satisfaction?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().getString("error")).as(bad).isEqualTo("invalid_input");
        }
        assertThat(engine.get("/api/v1/quality/recurring?month=2026-12").status())
                .isEqualTo(400);
    }

    private static JsonObject counts(int met, int breached) {
        return new JsonObject().put("met", met).put("breached", breached);
    }
}
