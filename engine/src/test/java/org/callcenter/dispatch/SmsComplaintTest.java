package org.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers complain by SMS through the signed Twilio webhook: {@code COMPLAINT [ticket] <text>} is
 * matched to the sender's customer and request (and the technician who visited), the complaint
 * clocks start and the reply names the complaint; a sender, request or text that does not fit gets a
 * reply saying why and no complaint exists afterwards.
 */
class SmsComplaintTest {
    private static final Pattern ID = Pattern.compile("complaint ([0-9a-f]{24})");
    static DispatchFixture f;
    static String phone;
    static String older;
    static String newer;
    static String technicianId;
    static String stranger;
    static String strangersTicket;

    @BeforeAll
    static void start() {
        f = new DispatchFixture("sms-complaint", Instant.parse("2026-04-07T01:00:00Z"));
        phone = DispatchFixture.mobile();
        f.customer(phone, "other", "en");
        older = f.ticket(phone);
        f.clock.advance(Duration.ofHours(1));
        newer = f.ticket(phone);
        technicianId = f.technician("Fang Yu", DispatchFixture.mobile(), "other", true);
        Instant now = f.clock.instant();
        f.dispatch(newer, technicianId, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        stranger = DispatchFixture.mobile();
        f.customer(stranger, "other", "en");
        strangersTicket = f.ticket(stranger);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String complaintId(String reply) {
        Matcher m = ID.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    static JsonObject complaint(String id) {
        Response r = f.engine.get("/api/v1/complaints/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonArray complaintsOf(String ticket) {
        Response r = f.engine.get("/api/v1/complaints?ticket=" + ticket);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.array();
    }

    static long stored() {
        return f.engine.engine().mongo().database().getCollection("complaints").countDocuments();
    }

    @Test
    void aComplaintGoesAgainstTheLatestRequestAndItsTechnicianAndStartsTheClocks() {
        String reply =
                f.text(phone, "complaint  The technician left oil on the floor").body();
        assertThat(reply).contains("request " + newer, "registered");
        JsonObject c = complaint(complaintId(reply));
        assertThat(c.getString("ticketId")).isEqualTo(newer);
        assertThat(c.getString("technicianId")).isEqualTo(technicianId);
        assertThat(c.getString("source")).isEqualTo("sms");
        assertThat(c.getString("registeredBy")).isEqualTo("sms " + phone); // the number to call back
        assertThat(c.getString("text")).isEqualTo("The technician left oil on the floor");
        Await.until("complaint clocks running", Duration.ofSeconds(10), () -> {
            JsonObject clocks = f.request(newer).getJsonObject("clocks");
            return clocks != null && clocks.containsKey("complaint_answer") && clocks.containsKey("complaint_on_scene");
        });
        assertThat(f.request(newer)
                        .getJsonObject("clocks")
                        .getJsonObject("complaint_answer")
                        .getString("state"))
                .isEqualTo("running");
    }

    @Test
    void aNamedRequestOfTheCustomerIsTheOneComplainedAbout() {
        String reply =
                f.text(phone, "COMPLAIN " + older + " nobody called me back").body();
        JsonObject c = complaint(complaintId(reply));
        assertThat(c.getString("ticketId")).isEqualTo(older);
        assertThat(c.getValue("technicianId")).as("the request had no visit").isNull();
        assertThat(c.getString("text")).isEqualTo("nobody called me back");
    }

    @Test
    void aNumberThatIsNotATicketNumberIsPartOfTheText() {
        String reply = f.text(phone, "COMPLAINT 2000 yuan charged twice").body();
        JsonObject c = complaint(complaintId(reply));
        assertThat(c.getString("text")).isEqualTo("2000 yuan charged twice");
    }

    @Test
    void badComplaintsAreAnsweredAndCreateNothing() {
        long before = stored();
        int strangers = complaintsOf(strangersTicket).size();
        String unknown =
                f.text(DispatchFixture.mobile(), "COMPLAINT you never came").body();
        assertThat(unknown).contains("does not belong to a customer", "no complaint was recorded");
        String foreign =
                f.text(phone, "COMPLAINT " + strangersTicket + " broken").body();
        assertThat(foreign).contains("no request " + strangersTicket, "no complaint was recorded");
        String missing =
                f.text(phone, "COMPLAINT " + otherCheckDigit(older) + " broken").body();
        assertThat(missing).contains("not a valid ticket number");
        for (String empty : List.of("COMPLAINT", "complaint   ", "COMPLAINT " + older))
            assertThat(f.text(phone, empty).body()).as(empty).contains("Usage: COMPLAINT");
        assertThat(stored()).isEqualTo(before);
        assertThat(complaintsOf(strangersTicket)).hasSize(strangers);
    }

    @Test
    void aTechnicianWhoIsGoneLeavesTheComplaintOnTheRequest() {
        String customer = DispatchFixture.mobile();
        f.customer(customer, "other", "en");
        String ticket = f.ticket(customer);
        String gone = f.technician("Left Company", DispatchFixture.mobile(), "other", true);
        Instant now = f.clock.instant();
        f.dispatch(ticket, gone, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        f.engine.engine().mongo().database().getCollection("technicians").deleteOne(new org.bson.Document("_id", gone));
        JsonObject c = complaint(
                complaintId(f.text(customer, "COMPLAINT never showed up").body()));
        assertThat(c.getString("ticketId")).isEqualTo(ticket);
        assertThat(c.getValue("technicianId")).isNull();
    }

    @Test
    void theHelpRepliesMentionComplaints() {
        String nobody = f.text(DispatchFixture.mobile(), "hello?").body();
        assertThat(nobody).contains("COMPLAINT");
    }

    /** The same number with a wrong check digit. */
    static String otherCheckDigit(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
