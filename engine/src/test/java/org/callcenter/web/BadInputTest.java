package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error, loses nothing, and the engine stays up. */
class BadInputTest extends EngineTest {

    Response post(String path, String body) {
        return engine.send("POST", path, body, engine.adminToken());
    }

    @Test
    void invalidJsonIs400WithTheReason() {
        for (String body : List.of("{", "{\"name\": }", "[1,2]", "\"text\"", "", "nul")) {
            Response r = post("/api/v1/customers", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().getString("error")).isEqualTo("invalid_input");
            assertThat(r.json().getJsonArray("fields").getJsonObject(0).getString("field"))
                    .isEqualTo("body");
        }
    }

    @Test
    void invalidFieldsAreAllListed() {
        Response r = post(
                "/api/v1/tickets",
                new JsonObject()
                        .put("phone", "12")
                        .put("severity", "urgent")
                        .put("channel", "fax")
                        .put("description", 42)
                        .put("bogus", true)
                        .encode());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
                .contains("severity", "channel", "description", "category", "bogus");
    }

    @Test
    void anUnparseablePhoneIs400() {
        Response r = post(
                "/api/v1/tickets",
                new JsonObject()
                        .put("phone", "call me maybe")
                        .put("category", "x")
                        .put("description", "y")
                        .encode());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").getJsonObject(0).getString("field"))
                .isEqualTo("phone");
        Response search = engine.get("/api/v1/tickets?phone=abc");
        assertThat(search.status()).isEqualTo(400);
    }

    @Test
    void unknownTicketsAre404NeverA500() {
        for (String number : List.of("12345674", "00000000", "1", "abc", "%7B%22%24ne%22%3Anull%7D")) {
            Response r = engine.get("/api/v1/tickets/" + number);
            assertThat(r.status()).as(number).isEqualTo(404);
            assertThat(r.json().getString("error")).isEqualTo("not_found");
        }
        assertThat(engine.patch(
                                "/api/v1/tickets/12345674",
                                new JsonObject().put("version", 1).put("status", "closed"))
                        .status())
                .isEqualTo(404);
        assertThat(post("/api/v1/tickets/12345674/notes", "{\"text\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(engine.get("/api/v1/customers/nope").status()).isEqualTo(404);
        assertThat(engine.get("/api/v1/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void aBodyOver64KbIs413AndTheEngineStaysUp() {
        String big = new JsonObject().put("name", "x".repeat(70_000)).encode();
        Response r = post("/api/v1/customers", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().getString("error")).isEqualTo("too_large");
        assertThat(engine.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aMongoOperatorSmuggledIntoAStringFieldIsRejectedNeverExecuted() {
        Response r =
                post("/api/v1/tickets", "{\"phone\": {\"$ne\": null}, \"category\": \"x\", \"description\": \"y\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").getJsonObject(0).getString("message"))
                .isEqualTo("must be a string");

        Response customer = post("/api/v1/customers", "{\"name\": {\"$gt\": \"\"}, \"phones\": [{\"$ne\": null}]}");
        assertThat(customer.status()).isEqualTo(400);
        assertThat(customer.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
                .containsExactlyInAnyOrder("name", "phones[0]");

        // in query parameters an operator is just text that matches nothing
        Response search = engine.get("/api/v1/tickets?customerId=%7B%22%24ne%22%3Anull%7D");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.array()).isEmpty();
        Response login = engine.send(
                "POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": {\"$ne\": null}}", null);
        assertThat(login.status()).isEqualTo(400);
    }

    @Test
    void wrongTypesInListsAndNestedObjectsNameTheirPath() {
        Response r = post(
                "/api/v1/customers",
                new JsonObject()
                        .put("name", "Ok")
                        .put("phones", new JsonArray().add("13800000000").add(5))
                        .put(
                                "contacts",
                                new JsonArray().add(new JsonObject().put("phones", new JsonArray().add("bad"))))
                        .encode());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
                .contains("phones[1]", "contacts[0].name");
    }

    @Test
    void anExplicitNullIsNotAValueForARequiredField() {
        Response r = post("/api/v1/tickets", "{\"phone\": \"13800138000\", \"category\": null, \"description\": null}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
                .containsExactlyInAnyOrder("category", "description");
        Response user = post("/api/v1/users", "{\"username\": \"nulls\", \"role\": null, \"password\": null}");
        assertThat(user.status()).isEqualTo(400);
    }

    @Test
    void fieldAndPhoneProblemsComeBackTogether() {
        Response r = post("/api/v1/customers", "{\"name\": \"x\", \"phones\": [\"bad\"], \"colour\": \"red\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
                .containsExactlyInAnyOrder("phones[0]", "colour");
    }

    @Test
    void aSearchNeedsAFilter() {
        Response r = engine.get("/api/v1/tickets");
        assertThat(r.status()).isEqualTo(400);
        assertThat(engine.get("/api/v1/tickets?status=bogus").status()).isEqualTo(400);
        assertThat(engine.get("/api/v1/tickets?status=closed&limit=0").status()).isEqualTo(400);
    }

    @Test
    void nothingIsStoredWhenARequestIsRefused() {
        long before = engine.engine().customerRepository().count();
        post("/api/v1/customers", "{\"name\": \"x\", \"phones\": [\"bad\"]}");
        post("/api/v1/customers", "{\"name\": \"x\"}");
        assertThat(engine.engine().customerRepository().count()).isEqualTo(before);
    }
}
