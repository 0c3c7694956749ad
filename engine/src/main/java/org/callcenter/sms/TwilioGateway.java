package org.callcenter.sms;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callcenter.config.AppConfig.TwilioConfig;

/** Sends and looks up SMS through the Twilio SDK (with {@link TwilioHttp}: no hidden retries). Blocking. */
public final class TwilioGateway {
    /** What became of one send attempt. */
    public sealed interface Outcome {}

    /** Twilio took the message. */
    public record Accepted(String sid, String status) implements Outcome {}

    /** 429: certainly not sent; try later. */
    public record Throttled(String reason) implements Outcome {}

    /** 4xx with an error code (e.g. 21211 invalid number): certainly not sent, and never will be. */
    public record Rejected(Integer code, String reason) implements Outcome {}

    /** 5xx, timeout, connection lost: Twilio may or may not have it; reconcile before retrying. */
    public record Uncertain(String reason) implements Outcome {}

    private static final Duration RECONCILE_WINDOW = Duration.ofMinutes(10);
    private final TwilioRestClient client;
    private final String from;

    public TwilioGateway(TwilioConfig config, Duration timeout) {
        this.from = config.from();
        this.client = new TwilioRestClient.Builder(config.accountSid(), config.authToken())
                .httpClient(new TwilioHttp(config.apiBase(), timeout))
                .build();
    }

    public Outcome send(String to, String body, String statusCallback) {
        MessageCreator creator = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body);
        if (statusCallback != null) creator.setStatusCallback(URI.create(statusCallback));
        try {
            Message m = creator.create(client);
            return new Accepted(
                    m.getSid(), m.getStatus() == null ? "queued" : m.getStatus().toString());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status == 429) return new Throttled(e.getMessage());
            if (status == null || status >= 500) return new Uncertain(status + " " + e.getMessage());
            return new Rejected(e.getCode(), e.getMessage());
        } catch (ApiConnectionException e) {
            return new Uncertain(e.getMessage());
        } catch (TwilioException e) {
            // e.g. an answer that is not Twilio's JSON: whether it was taken is unknown
            return new Uncertain(e.toString());
        }
    }

    /**
     * After an uncertain attempt: the message Twilio holds from us to {@code to} with this body,
     * created around or after {@code since} and not {@code known} (a SID another outbox message holds). Throws when Twilio cannot be asked (stay uncertain).
     */
    public Optional<Accepted> findSent(
            String to, String body, Instant since, java.util.function.Predicate<String> known) {
        ResourceSet<Message> page = Message.reader()
                .setTo(new PhoneNumber(to))
                .setFrom(new PhoneNumber(from))
                .setPageSize(50L)
                .limit(50L)
                .read(client);
        for (Message m : page) {
            if (!body.equals(m.getBody()) || known.test(m.getSid())) continue;
            // a generous window: Twilio's clock is not ours
            if (m.getDateCreated() != null && m.getDateCreated().toInstant().isBefore(since.minus(RECONCILE_WINDOW)))
                continue;
            return Optional.of(new Accepted(
                    m.getSid(), m.getStatus() == null ? "queued" : m.getStatus().toString()));
        }
        return Optional.empty();
    }
}
