package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.callcenter.common.FieldError;
import org.callcenter.common.InvalidInputException;
import org.callcenter.tickets.Severity;
import org.junit.jupiter.api.Test;

class JsonInputTest {
    @Test
    void anOperatorSmuggledIntoAStringFieldIsAnErrorNotAValue() {
        JsonInput in = JsonInput.of(new JsonObject("{\"phone\": {\"$ne\": null}}"));
        assertThat(in.requiredString("phone", 64)).isNull();
        assertThat(in.errors()).containsExactly(new FieldError("phone", "must be a string"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        JsonInput in = JsonInput.of(new JsonObject()
                .put("severity", "urgent")
                .put("description", "x".repeat(10))
                .put("extra", 1)
                .put("contacts", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", 5))));
        in.allowOnly("severity", "description", "contacts", "phone");
        in.optionalEnum("severity", Severity.class);
        in.requiredString("phone", 64);
        in.optionalString("description", 5);
        in.objectList("contacts", 5, c -> c.requiredString("name", 10));
        assertThatThrownBy(in::validate)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("extra", "severity", "phone", "description", "contacts[0].name"));
    }

    @Test
    void enumValuesAreCaseInsensitiveAndDatesAreChecked() {
        JsonInput in = JsonInput.of(new JsonObject().put("severity", "Complex").put("installedOn", "2026-02-30"));
        assertThat(in.optionalEnum("severity", Severity.class)).contains(Severity.COMPLEX);
        assertThat(in.optionalDate("installedOn")).isEmpty();
        assertThat(in.errors()).extracting(FieldError::field).containsExactly("installedOn");
    }

    @Test
    void controlCharactersAndOverlongListsAreRefused() {
        JsonInput in = JsonInput.of(new JsonObject()
                .put("name", "a\u0000b")
                .put("phones", new io.vertx.core.json.JsonArray(java.util.Collections.nCopies(11, "1"))));
        in.optionalString("name", 100);
        in.stringList("phones", 10, 64);
        assertThat(in.errors()).extracting(FieldError::field).containsExactly("name", "phones");
    }
}
