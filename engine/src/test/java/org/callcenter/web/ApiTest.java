package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.Test;

/** The REST API end to end: real Redis, MongoDB driver over the wire, HTTP on loopback. */
class ApiTest extends EngineTest {

    static String e164(String national) {
        return "+86" + national;
    }

    static JsonObject createCustomer(String phone) {
        Response r = engine.post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Huadong Lubrication Co.")
                        .put("language", "zh")
                        .put("phones", new JsonArray().add(phone))
                        .put(
                                "contacts",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("name", "Zhang Min")
                                                .put("role", "engineer")))
                        .put("address", new JsonObject().put("city", "Shanghai").put("province", "Shanghai"))
                        .put("region", "capital"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonObject createTicket(JsonObject body) {
        Response r = engine.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonObject ticketFor(String phone) {
        return new JsonObject()
                .put("phone", phone)
                .put("category", "leak")
                .put("description", "oil leaking from the pump seal")
                .put("contactName", "Zhang Min");
    }

    @Test
    void customersAreCreatedWithE164NumbersAndFoundByPhoneInAnyFormat() {
        String phone = mobile();
        JsonObject customer =
                createCustomer(phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        assertThat(customer.getJsonArray("phones").getString(0)).isEqualTo(e164(phone));
        assertThat(customer.getLong("version")).isEqualTo(1);
        assertThat(customer.containsKey("ticketNumbers")).isFalse();

        for (String format : List.of(phone, "+86 " + phone, "0086-" + phone, e164(phone))) {
            Response found = engine.get("/api/v1/customers?phone="
                    + java.net.URLEncoder.encode(format, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.array().getJsonObject(0).getString("id")).isEqualTo(customer.getString("id"));
        }
        assertThat(engine.get("/api/v1/customers/" + customer.getString("id"))
                        .json()
                        .getString("name"))
                .isEqualTo("Huadong Lubrication Co.");
        assertThat(engine.get("/api/v1/customers?name=huadong").array()).isNotEmpty();
    }

    @Test
    void aPhoneNumberBelongsToOneCustomerOnly() {
        String phone = mobile();
        createCustomer(phone);
        Response second = engine.post(
                "/api/v1/customers",
                new JsonObject().put("name", "Other").put("phones", new JsonArray().add("+86" + phone)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getString("message")).doesNotContain(phone);
    }

    @Test
    void installationsGetTheDefaultTwelveMonthWarranty() {
        JsonObject customer = createCustomer(mobile());
        String id = customer.getString("id");
        Response r = engine.post(
                "/api/v1/customers/" + id + "/installations",
                new JsonObject()
                        .put("product", "Centralized lubrication pump")
                        .put("model", "CLP-200")
                        .put("serial", "SN-42")
                        .put("installedOn", "2026-03-15"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("warrantyEnd")).isEqualTo("2027-03-14");
        Response explicit = engine.post(
                "/api/v1/customers/" + id + "/installations",
                new JsonObject()
                        .put("product", "Grease gun")
                        .put("installedOn", "2024-01-01")
                        .put("warrantyEnd", "2024-06-30"));
        assertThat(explicit.json().getString("warrantyEnd")).isEqualTo("2024-06-30");
        assertThat(engine.get("/api/v1/customers/" + id + "/installations").array())
                .hasSize(2);
        String installationId = r.json().getString("id");
        assertThat(engine.get("/api/v1/installations/" + installationId).json().getString("serial"))
                .isEqualTo("SN-42");
    }

    @Test
    void ticketsAreRegisteredLinkedToTheCallerAndFoundByNumberPhoneCustomerAndStatus() {
        String phone = mobile();
        JsonObject customer = createCustomer(phone);
        Response created = engine.post(
                "/api/v1/tickets", ticketFor(phone).put("severity", "complex").put("channel", "ivr"));
        assertThat(created.status()).isEqualTo(201);
        JsonObject t = created.json();
        String number = t.getString("number");
        assertThat(number).matches("[0-9]{8}");
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(created.header("Location")).contains("/api/v1/tickets/" + number);
        assertThat(t.getString("customerId")).isEqualTo(customer.getString("id"));
        assertThat(t.getString("phone")).isEqualTo(e164(phone));
        assertThat(t.getString("status")).isEqualTo("registered");
        assertThat(t.getString("severity")).isEqualTo("complex");
        assertThat(t.getString("channel")).isEqualTo("ivr");
        assertThat(t.getString("escalation")).isEqualTo("phone");
        assertThat(t.getString("createdBy")).isEqualTo("admin");
        assertThat(t.getJsonArray("history").getJsonObject(0).getString("type")).isEqualTo("created");

        assertThat(engine.get("/api/v1/tickets/" + number).json().getString("description"))
                .isEqualTo("oil leaking from the pump seal");
        assertThat(numbers(engine.get("/api/v1/tickets?phone=" + phone))).containsExactly(number);
        assertThat(numbers(engine.get("/api/v1/tickets?customerId=" + customer.getString("id"))))
                .containsExactly(number);
        assertThat(numbers(engine.get("/api/v1/tickets?customerId=" + customer.getString("id") + "&status=registered")))
                .containsExactly(number);
        assertThat(numbers(engine.get("/api/v1/tickets?customerId=" + customer.getString("id") + "&status=closed")))
                .isEmpty();
    }

    @Test
    void openRequestsCanBeImportedWithTheirOriginalOpeningTime() {
        String phone = mobile();
        createCustomer(phone);
        JsonObject t = createTicket(ticketFor(phone).put("openedAt", "2025-12-01T02:30:00Z"));
        assertThat(t.getString("openedAt")).isEqualTo("2025-12-01T02:30:00Z");
        Response future = engine.post("/api/v1/tickets", ticketFor(phone).put("openedAt", "2099-01-01T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().getJsonArray("fields").getJsonObject(0).getString("field"))
                .isEqualTo("openedAt");
    }

    @Test
    void updatesFollowTheStatusRulesAndKeepAnAppendOnlyHistory() {
        String phone = mobile();
        createCustomer(phone);
        String number = createTicket(ticketFor(phone)).getString("number");
        Response r = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject()
                        .put("version", 1)
                        .put("status", "in_progress")
                        .put("severity", "complex")
                        .put("note", "remote session booked"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject t = r.json();
        assertThat(t.getLong("version")).isEqualTo(2);
        JsonObject event = t.getJsonArray("history").getJsonObject(1);
        assertThat(event.getString("type")).isEqualTo("updated");
        assertThat(event.getString("text")).isEqualTo("remote session booked");
        assertThat(event.getJsonArray("changes").stream().map(c -> ((JsonObject) c).getString("field")))
                .containsExactlyInAnyOrder("status", "severity");

        Response note =
                engine.post("/api/v1/tickets/" + number + "/notes", new JsonObject().put("text", "customer called"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().getJsonArray("history")).hasSize(3);

        Response resolved = engine.send(
                "PATCH",
                "/api/v1/tickets/" + number,
                new JsonObject().put("status", "resolved").encode(),
                engine.adminToken(),
                "If-Match",
                "\"2\"");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().getString("resolvedAt")).isNotNull();

        Response back = engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 3).put("status", "registered"));
        assertThat(back.status()).isEqualTo(422);
        Response transfer = engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 3).put("status", "closed"));
        assertThat(transfer.status()).isEqualTo(200);
        assertThat(engine.get("/api/v1/tickets/" + number).json().getJsonArray("history"))
                .hasSize(5);
    }

    @Test
    void transferringNeedsTheDepartment() {
        String phone = mobile();
        String number = createTicket(ticketFor(phone)).getString("number");
        Response r = engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 1).put("status", "transferred"));
        assertThat(r.status()).isEqualTo(400);
        Response ok = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject().put("version", 1).put("status", "transferred").put("transferredTo", "Finance"));
        assertThat(ok.json().getString("transferredTo")).isEqualTo("Finance");
    }

    @Test
    void feedbackIsRecordedOnceAndMovesARegisteredRequest() {
        String number = createTicket(ticketFor(mobile())).getString("number");
        Response first =
                engine.post("/api/v1/tickets/" + number + "/feedback", new JsonObject().put("text", "called back"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String feedbackAt = first.json().getString("feedbackAt");
        assertThat(feedbackAt).isNotNull();
        assertThat(first.json().getString("status")).isEqualTo("feedback_given");
        Response second = engine.send("POST", "/api/v1/tickets/" + number + "/feedback", null, engine.adminToken());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getString("feedbackAt")).isEqualTo(feedbackAt);
        assertThat(second.json().getJsonArray("history")).hasSize(3);
    }

    @Test
    void twoAgentsEditingTheSameRequestOneGets409AndNothingIsLost() {
        String number = createTicket(ticketFor(mobile())).getString("number");
        // both agents opened version 1
        Response a = engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 1).put("status", "in_progress"));
        assertThat(a.status()).isEqualTo(200);
        Response b = engine.patch(
                "/api/v1/tickets/" + number, new JsonObject().put("version", 1).put("description", "seal and bearing"));
        assertThat(b.status()).isEqualTo(409);
        JsonObject current = b.json().getJsonObject("current");
        assertThat(current.getString("status")).isEqualTo("in_progress");
        assertThat(current.getLong("version")).isEqualTo(2);
        // agent B merges onto the current version and retries
        Response retry = engine.patch(
                "/api/v1/tickets/" + number,
                new JsonObject().put("version", current.getLong("version")).put("description", "seal and bearing"));
        assertThat(retry.status()).isEqualTo(200);
        JsonObject finalState = engine.get("/api/v1/tickets/" + number).json();
        assertThat(finalState.getString("status")).isEqualTo("in_progress");
        assertThat(finalState.getString("description")).isEqualTo("seal and bearing");
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
        String number = createTicket(ticketFor(mobile())).getString("number");
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String category = "category-" + i;
            edits.add(() -> engine.patch(
                            "/api/v1/tickets/" + number,
                            new JsonObject().put("version", 1).put("category", category))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> f : pool.invokeAll(edits)) statuses.add(f.get());
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        JsonObject t = engine.get("/api/v1/tickets/" + number).json();
        assertThat(t.getLong("version")).isEqualTo(2);
        assertThat(t.getJsonArray("history")).hasSize(2);
    }

    @Test
    void updatesWithoutAVersionAreRefused() {
        String number = createTicket(ticketFor(mobile())).getString("number");
        Response r = engine.patch("/api/v1/tickets/" + number, new JsonObject().put("status", "in_progress"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").getJsonObject(0).getString("field"))
                .isEqualTo("version");
    }

    @Test
    void customerUpdatesUseVersionsToo() {
        JsonObject c = createCustomer(mobile());
        String id = c.getString("id");
        JsonObject edit =
                new JsonObject().put("name", "Huadong Lubrication Group").put("phones", c.getJsonArray("phones"));
        assertThat(engine.get("/api/v1/customers/" + id).header("ETag")).contains("\"1\"");
        Response ok = engine.put("/api/v1/customers/" + id, edit.copy().put("version", 1));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.header("ETag")).contains("\"2\"");
        assertThat(ok.json().getLong("version")).isEqualTo(2);
        Response stale = engine.put(
                "/api/v1/customers/" + id, edit.copy().put("name", "Stale").put("version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(engine.get("/api/v1/customers/" + id).json().getString("name"))
                .isEqualTo("Huadong Lubrication Group");
    }

    static List<String> numbers(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.array().stream().map(o -> ((JsonObject) o).getString("number")).toList();
    }

    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }
}
