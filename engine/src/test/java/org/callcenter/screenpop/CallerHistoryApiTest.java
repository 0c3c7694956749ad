package org.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.Test;

/** The screen-pop payload: right content, from the cache, and never stale after a write. */
class CallerHistoryApiTest extends EngineTest {

    static Response history(String phone) {
        return engine.get("/api/v1/callers/"
                + URLEncoder.encode(phone, StandardCharsets.UTF_8).replace("+", "%20") + "/history");
    }

    static String customer(String phone) {
        Response r = engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Wuxi Bearings Ltd")
                        .put("phones", new JsonArray().add(phone))
                        .put("contacts", new JsonArray().add(new JsonObject().put("name", "Li Wei")))
                        .put("region", "neighbouring"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    static JsonObject ticket(String phone, String description) {
        Response r = engine.post(
                "/api/v1/tickets",
                new JsonObject().put("phone", phone).put("category", "noise").put("description", description));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void theHistoryShowsCustomerInstallationsWithWarrantyOpenAndRecentRequestsAndLastContact() {
        String phone = mobile();
        String id = customer(phone);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        engine.post(
                "/api/v1/customers/" + id + "/installations",
                new JsonObject()
                        .put("product", "Pump A")
                        .put("installedOn", today.minusMonths(2).toString()));
        engine.post(
                "/api/v1/customers/" + id + "/installations",
                new JsonObject()
                        .put("product", "Pump B")
                        .put("installedOn", today.minusYears(2).toString()));
        JsonObject open = ticket(phone, "noise in gearbox");
        JsonObject done = ticket(phone, "old problem");
        Response patched = engine.patch(
                "/api/v1/tickets/" + done.getString("number"),
                new JsonObject().put("version", 1).put("status", "resolved"));
        assertThat(patched.status()).isEqualTo(200);

        JsonObject h = history(phone).json();
        assertThat(h.getBoolean("known")).isTrue();
        assertThat(h.getString("phone")).isEqualTo("+86" + phone);
        assertThat(h.getJsonObject("customer").getString("id")).isEqualTo(id);
        assertThat(h.getJsonObject("customer").getString("region")).isEqualTo("neighbouring");
        JsonArray installations = h.getJsonArray("installations");
        assertThat(installations).hasSize(2);
        assertThat(byProduct(installations, "Pump A").getString("warranty")).isEqualTo("in_warranty");
        assertThat(byProduct(installations, "Pump B").getString("warranty")).isEqualTo("expired");
        assertThat(h.getJsonArray("openRequests").stream().map(o -> ((JsonObject) o).getString("number")))
                .containsExactly(open.getString("number"));
        assertThat(h.getJsonArray("recentRequests")).hasSize(2);
        assertThat(h.getJsonObject("lastContact").getString("ticketNumber")).isEqualTo(done.getString("number"));
    }

    @Test
    void onlyTheLastTenRequestsAreListed() {
        String phone = mobile();
        customer(phone);
        String last = null;
        for (int i = 0; i < 12; i++) last = ticket(phone, "request " + i).getString("number");
        JsonObject h = history(phone).json();
        assertThat(h.getJsonArray("recentRequests")).hasSize(10);
        assertThat(h.getJsonArray("openRequests")).hasSize(12);
        assertThat(h.getJsonObject("lastContact").getString("ticketNumber")).isEqualTo(last);
    }

    @Test
    void theSecondLookupComesFromTheCacheInAnyPhoneFormat() {
        String phone = mobile();
        customer(phone);
        ticket(phone, "first");
        assertThat(history(phone).json().getString("source")).isEqualTo("store");
        assertThat(history("+86 " + phone).json().getString("source")).isEqualTo("cache");
        assertThat(history("0086" + phone).json().getString("source")).isEqualTo("cache");
    }

    @Test
    void theCacheIsNeverStaleAfterAnyWrite() {
        String phone = mobile();
        String id = customer(phone);
        JsonObject t = ticket(phone, "pressure drop");
        String number = t.getString("number");
        history(phone);
        assertThat(history(phone).json().getString("source")).isEqualTo("cache");

        // a status update
        engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 1).put("status", "in_progress"));
        JsonObject h = history(phone).json();
        assertThat(h.getString("source")).isEqualTo("store");
        assertThat(h.getJsonArray("openRequests").getJsonObject(0).getString("status"))
                .isEqualTo("in_progress");

        // a note moves the last contact
        history(phone);
        engine.post("/api/v1/tickets/" + number + "/notes", new JsonObject().put("text", "parts ordered"));
        assertThat(history(phone).json().getJsonObject("lastContact").getString("type"))
                .isEqualTo("note");

        // a new request
        history(phone);
        String second = ticket(phone, "second").getString("number");
        assertThat(history(phone).json().getJsonArray("openRequests").stream()
                        .map(o -> ((JsonObject) o).getString("number")))
                .contains(number, second);

        // a new installation
        history(phone);
        engine.post("/api/v1/customers/" + id + "/installations", new JsonObject().put("product", "Valve"));
        assertThat(history(phone).json().getJsonArray("installations")).hasSize(1);

        // resolved requests leave the open list
        history(phone);
        engine.patch(
                "/api/v1/tickets/" + second, new JsonObject().put("version", 1).put("status", "resolved"));
        assertThat(history(phone).json().getJsonArray("openRequests")).hasSize(1);
    }

    @Test
    void changingACustomersPhonesMovesTheCallerMapping() {
        String oldPhone = mobile();
        String newPhone = mobile();
        String id = customer(oldPhone);
        assertThat(history(oldPhone).json().getBoolean("known")).isTrue();
        assertThat(history(newPhone).json().getBoolean("known")).isFalse();
        assertThat(history(newPhone).json().getString("source")).isEqualTo("cache");

        Response r = engine.put(
                "/api/v1/customers/" + id,
                new JsonObject()
                        .put("version", 1)
                        .put("name", "Wuxi Bearings Ltd")
                        .put("phones", new JsonArray().add(newPhone)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(history(oldPhone).json().getBoolean("known")).isFalse();
        assertThat(history(newPhone).json().getJsonObject("customer").getString("id"))
                .isEqualTo(id);
    }

    @Test
    void aContactPersonsNumberFindsTheCustomerToo() {
        String phone = mobile();
        String contactPhone = mobile();
        Response r = engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Hospital No. 3")
                        .put("phones", new JsonArray().add(phone))
                        .put(
                                "contacts",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("name", "Dr. Wang")
                                                .put("phones", new JsonArray().add(contactPhone)))));
        assertThat(history(contactPhone).json().getJsonObject("customer").getString("id"))
                .isEqualTo(r.json().getString("id"));
    }

    @Test
    void anUnknownCallerPopsAsNewCaller() {
        JsonObject h = history(mobile()).json();
        assertThat(h.getBoolean("known")).isFalse();
        assertThat(h.containsKey("customer")).isFalse();
        assertThat(h.getJsonArray("openRequests")).isEmpty();
    }

    @Test
    void requestsFromAnUnknownCallerShowInThePopAndJoinTheCustomerOnceCreated() {
        String phone = mobile();
        JsonObject t = ticket(phone, "first call, caller not yet a customer");
        assertThat(t.containsKey("customerId")).isFalse();
        JsonObject before = history(phone).json();
        assertThat(before.getBoolean("known")).isFalse();
        assertThat(before.getJsonArray("openRequests").getJsonObject(0).getString("number"))
                .isEqualTo(t.getString("number"));

        String id = customer(phone);
        JsonObject after = history("+86" + phone).json();
        assertThat(after.getBoolean("known")).isTrue();
        assertThat(after.getJsonArray("openRequests").getJsonObject(0).getString("number"))
                .isEqualTo(t.getString("number"));
        JsonObject linked =
                engine.get("/api/v1/tickets/" + t.getString("number")).json();
        assertThat(linked.getString("customerId")).isEqualTo(id);
        assertThat(linked.getLong("version")).isEqualTo(2);
        assertThat(numbersOf(engine.get("/api/v1/tickets?customerId=" + id).array()))
                .contains(t.getString("number"));
    }

    static java.util.List<String> numbersOf(JsonArray a) {
        return a.stream().map(o -> ((JsonObject) o).getString("number")).toList();
    }

    @Test
    void anUnparseablePhoneIs400() {
        Response r = history("not-a-phone");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").getJsonObject(0).getString("field"))
                .isEqualTo("phone");
    }

    static JsonObject byProduct(JsonArray installations, String product) {
        return installations.stream()
                .map(o -> (JsonObject) o)
                .filter(o -> product.equals(o.getString("product")))
                .findFirst()
                .orElseThrow();
    }
}
