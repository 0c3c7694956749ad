package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.callcenter.support.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across the two domains: the technician texts DEPART, dispatch publishes callcenter.visits.departed,
 * and return calls plan the after-visit call into the customer's one follow-up of the quarter.
 */
class DispatchReturnVisitTest {
    static DispatchFixture f;

    @BeforeAll
    static void start() {
        f = new DispatchFixture("dispatch-return-visit", Instant.parse("2026-03-09T02:00:00Z"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aDepartureBySmsPlansTheReturnVisit() {
        String phone = DispatchFixture.mobile();
        String customerId = f.customer(phone, "capital", "en");
        String number = f.ticket(phone);
        String mobile = DispatchFixture.mobile();
        String techId = f.technician("Li Ming", mobile, "capital", true, "pumps");
        Instant now = f.clock.instant();
        String visit = f.dispatch(number, techId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
        f.text(mobile, "ARRIVE " + number);
        f.text(mobile, "DEPART " + number + " replaced the seal");

        String followUp = "/api/v1/followups/" + customerId + ":2026-Q1";
        Await.until(
                "after-visit follow-up planned",
                Duration.ofSeconds(15),
                () -> f.engine.get(followUp).body().contains("visit:" + visit));
        JsonObject planned = f.engine.get(followUp).json();
        assertThat(planned.getString("status")).isEqualTo("open");
        assertThat(planned.getJsonArray("questions").getList()).contains("How was the technician's attitude?");
    }
}
