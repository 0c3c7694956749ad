package org.callcenter.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Warranty state on every installation view (SERVICE-RULES §7), per-product warranty periods, and
 * product returns: the return form with validation, per customer, and counted per month.
 */
class ReturnsApiTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(
                TestRedis.tempDir("mongo"), Map.of("CUSTOMERS_WARRANTY_MONTHS_BY_PRODUCT", "Grease pump GP-200=24"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static String customer(String phone) {
        return engine.post(
                        "/api/v1/customers",
                        new JsonObject()
                                .put("name", "Wuxi Bearings " + phone)
                                .put("phones", new JsonArray().add(phone)))
                .json()
                .getString("id");
    }

    static JsonObject install(String customerId, String product, LocalDate on, String explicitEnd) {
        JsonObject body = new JsonObject()
                .put("product", product)
                .put("serial", "S-" + on)
                .put("installedOn", on.toString());
        if (explicitEnd != null) body.put("warrantyEnd", explicitEnd);
        TestEngine.Response r = engine.post("/api/v1/customers/" + customerId + "/installations", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void everyInstallationViewShowsItsWarrantyState() {
        LocalDate today = LocalDate.now(ZONE);
        String id = customer("13733330001");
        JsonObject pump = install(id, "Grease pump GP-200", today.minusMonths(18), null); // 24 months for this product
        JsonObject valve = install(id, "Valve V-1", today.minusMonths(18), null); // default 12 months
        JsonObject explicit = install(id, "Valve V-2", today.minusYears(3), today.toString()); // ends today

        assertThat(pump.getJsonObject("warranty").getString("state")).isEqualTo("in_warranty");
        assertThat(pump.getString("warrantyEnd"))
                .isEqualTo(today.minusMonths(18).plusMonths(24).minusDays(1).toString());
        assertThat(valve.getJsonObject("warranty").getString("state")).isEqualTo("expired");
        assertThat(valve.getJsonObject("warranty").getLong("daysLeft")).isNegative();
        assertThat(explicit.getJsonObject("warranty").encode()).contains("\"in_warranty\"", "\"daysLeft\":0");

        JsonObject one =
                engine.get("/api/v1/installations/" + valve.getString("id")).json();
        assertThat(one.getJsonObject("warranty").getString("state")).isEqualTo("expired");
        JsonArray list =
                engine.get("/api/v1/customers/" + id + "/installations").array();
        assertThat(list.encode()).contains("in_warranty", "expired");
        JsonObject customer = engine.get("/api/v1/customers/" + id).json();
        assertThat(customer.getJsonArray("installations")).hasSize(3);
        assertThat(customer.getJsonArray("installations").encode()).contains("\"warranty\"", "expired");
        assertThat(customer.getString("name")).startsWith("Wuxi Bearings");
    }

    @Test
    void aReturnIsRecordedWithItsFormListedPerCustomerAndCountedPerMonth() {
        String phone = "13733330002";
        String id = customer(phone);
        String inst = install(id, "Valve V-1", LocalDate.now(ZONE).minusMonths(2), null)
                .getString("id");
        String ticket = engine.post(
                        "/api/v1/tickets",
                        new JsonObject()
                                .put("phone", phone)
                                .put("category", "leak")
                                .put("description", "weeps"))
                .json()
                .getString("number");
        YearMonth month = YearMonth.now(ZONE);
        long before = monthly(month.toString(), month.toString()).getLong("total");

        TestEngine.Response r = engine.post(
                "/api/v1/returns",
                new JsonObject()
                        .put("customerId", id)
                        .put("installationId", inst)
                        .put("ticketNumber", ticket)
                        .put("condition", "defective")
                        .put("reason", "seal fails under pressure")
                        .put("comments", "returned in original crate"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject ret = r.json();
        assertThat(ret.getString("product")).isEqualTo("Valve V-1");
        assertThat(ret.getString("condition")).isEqualTo("defective");
        assertThat(ret.getString("recordedBy")).isEqualTo("admin");
        assertThat(ret.getString("month")).isEqualTo(month.toString());

        JsonArray mine = engine.get("/api/v1/customers/" + id + "/returns").array();
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getString("reason")).isEqualTo("seal fails under pressure");

        JsonObject counts = monthly(month.minusMonths(2).toString(), month.toString());
        assertThat(counts.getLong("total")).isEqualTo(before + 1);
        assertThat(counts.getJsonArray("months")).hasSize(3);
        assertThat(counts.getJsonArray("months").getJsonObject(0).getLong("count"))
                .isZero();
        assertThat(engine.get("/metrics").body())
                .contains("callcenter_returns_recorded_total{condition=\"defective\"}");
    }

    @Test
    void aBadReturnFormGetsEveryProblemAtOnceAndNothingIsStored() {
        String id = customer("13733330003");
        String other = customer("13733330004");
        String othersInstallation =
                install(other, "Valve V-1", LocalDate.now(ZONE), null).getString("id");

        TestEngine.Response missing = engine.post(
                "/api/v1/returns", new JsonObject().put("condition", "smashed").put("colour", "red"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("customerId", "installationId", "reason", "condition", "colour");

        TestEngine.Response foreign = engine.post(
                "/api/v1/returns",
                new JsonObject()
                        .put("customerId", id)
                        .put("installationId", othersInstallation)
                        .put("condition", "intact")
                        .put("reason", "ordered twice"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("belongs to another customer");

        TestEngine.Response unknownTicket = engine.post(
                "/api/v1/returns",
                new JsonObject()
                        .put("customerId", other)
                        .put("installationId", othersInstallation)
                        .put("ticketNumber", "99999999")
                        .put("condition", "intact")
                        .put("reason", "ordered twice"));
        assertThat(unknownTicket.status()).isEqualTo(400);
        assertThat(unknownTicket.body()).contains("ticketNumber");

        assertThat(engine.get("/api/v1/customers/" + id + "/returns").array()).isEmpty();
        assertThat(engine.get("/api/v1/customers/nobody/returns").status()).isEqualTo(404);
        assertThat(engine.get("/api/v1/returns/monthly?from=2026-13").status()).isEqualTo(400);
        assertThat(engine.get("/api/v1/returns/monthly?from=2026-01&to=2025-01").status())
                .isEqualTo(400);
        assertThat(engine.get("/api/v1/returns/monthly?to="
                                + YearMonth.now(ZONE).plusMonths(1))
                        .body())
                .contains("is in the future");
        assertThat(engine.get("/api/v1/returns/monthly?from=2000-01&to=2026-01").body())
                .contains("at most 120 months");
    }

    static JsonObject monthly(String from, String to) {
        TestEngine.Response r = engine.get("/api/v1/returns/monthly?from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
