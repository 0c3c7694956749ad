package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callcenter.support.TwilioWebhook.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Technicians' SMS commands that cannot be carried out: a clear TwiML reply, and nothing changes. */
class TechnicianCommandsTest {
    static DispatchFixture f;
    static String number;
    static String visitId;
    static String assigned;
    static String other;

    @BeforeAll
    static void start() {
        f = new DispatchFixture("tech-commands", Instant.parse("2026-03-10T01:00:00Z"));
        String phone = DispatchFixture.mobile();
        f.customer(phone, "neighbouring", "zh");
        number = f.ticket(phone);
        assigned = DispatchFixture.mobile();
        other = DispatchFixture.mobile();
        String techId = f.technician("Guo Qiang", assigned, "neighbouring", true);
        f.technician("Lin Tao", other, "neighbouring", true);
        Instant now = f.clock.instant();
        visitId = f.dispatch(number, techId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)))
                .getString("id");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** The visit and the request's history as they are now, to prove a refused command changed neither. */
    static List<Object> state() {
        JsonObject v = f.visit(visitId);
        v.remove("updatedAt");
        return List.of(v, f.historyTypes(number));
    }

    static String twimlMessage(Answer a) {
        assertThat(a.body()).startsWith("<?xml").contains("<Response><Message>");
        return a.body();
    }

    @Test
    void anUnregisteredSenderIsToldAndNothingIsRecorded() {
        List<Object> before = state();
        String reply = twimlMessage(f.text(DispatchFixture.mobile(), "ARRIVE " + number));
        assertThat(reply).contains("not registered as a technician");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aTechnicianTheRequestIsNotAssignedToIsRefused() {
        List<Object> before = state();
        assertThat(twimlMessage(f.text(other, "ARRIVE " + number))).contains("is not assigned to you");
        assertThat(twimlMessage(f.text(other, "DEPART " + number + " done"))).contains("is not assigned to you");
        assertThat(state()).isEqualTo(before);
        assertThat(f.engine.get("/metrics").body())
                .contains("callcenter_dispatch_refused_total{reason=\"not_assigned\"} 2.0");
    }

    @Test
    void aTicketNumberFailingItsCheckDigitOrUnknownIsRefused() {
        List<Object> before = state();
        char last = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertThat(twimlMessage(f.text(assigned, "ARRIVE " + typo))).contains("not a valid ticket number");
        assertThat(twimlMessage(f.text(assigned, "ARRIVE <b>&amp;")))
                .contains("not a valid ticket number")
                .doesNotContain("<b>");
        // a well-formed number that no request has
        String unknown = validUnknown();
        assertThat(twimlMessage(f.text(assigned, "ARRIVE " + unknown))).contains("There is no request " + unknown);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void malformedCommandsGetUsageOrHelp() {
        List<Object> before = state();
        assertThat(twimlMessage(f.text(assigned, "ARRIVE")))
                .contains("Usage: ARRIVE <ticket>".replace("<", "&lt;").replace(">", "&gt;"));
        assertThat(twimlMessage(f.text(assigned, "ARRIVE " + number + " now"))).contains("Usage");
        assertThat(twimlMessage(f.text(assigned, "DEPART"))).contains("Usage");
        assertThat(twimlMessage(f.text(assigned, "LEAVING " + number))).contains("Unknown command", "ARRIVE");
        assertThat(twimlMessage(f.text(assigned, "  help "))).contains("ARRIVE", "DEPART", "HELP");
        assertThat(twimlMessage(f.text(assigned, "DEPART " + number))).contains("ARRIVE " + number + " first");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aReplayedCommandIsCarriedOutOnceAndGetsTheSameReply() {
        String sid = DispatchFixture.sid();
        String spare = DispatchFixture.mobile();
        String phone = DispatchFixture.mobile();
        f.customer(phone, "neighbouring", "en");
        String ticket = f.ticket(phone);
        String tech = f.technician("Xu Bo", spare, "neighbouring", true);
        Instant now = f.clock.instant();
        String visit = f.dispatch(ticket, tech, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))
                .getString("id");
        Answer first = f.text(sid, spare, "ARRIVE " + ticket);
        f.clock.advance(Duration.ofMinutes(5));
        Answer replay = f.text(sid, spare, "ARRIVE " + ticket);
        assertThat(replay.body()).isEqualTo(first.body()).contains("on time");
        assertThat(f.historyTypes(ticket).stream().filter("visit_arrived"::equals))
                .hasSize(1);
        assertThat(Instant.parse(f.visit(visit).getString("arrivedAt"))).isEqualTo(now);
    }

    /** A number with a right check digit (Luhn, as TicketNumbers) that is not a request. */
    static String validUnknown() {
        for (int i = 0; ; i++) {
            String payload = String.valueOf(Long.parseLong(number.substring(0, number.length() - 1)) + 1 + i);
            int sum = 0;
            boolean twice = true;
            for (int k = payload.length() - 1; k >= 0; k--) {
                int d = payload.charAt(k) - '0';
                if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
                twice = !twice;
            }
            String candidate = payload + (10 - sum % 10) % 10;
            if (f.engine.get("/api/v1/tickets/" + candidate).status() == 404) return candidate;
        }
    }
}
