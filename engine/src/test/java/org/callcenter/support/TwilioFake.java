package org.callcenter.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's Messages API on a free port, as the SDK sees it: checks the path, basic auth and form
 * fields of what it is sent, answers with Twilio's JSON, and can be told to fail the next requests.
 */
public final class TwilioFake implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    public static final String AUTH_TOKEN = "fake-auth-token";
    public static final String FROM = "+15005550006";
    private static final DateTimeFormatter RFC2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final Set<String> CREATE_FIELDS = Set.of("To", "From", "Body", "StatusCallback");

    /** What the next POST to Messages gets. */
    public enum Fault {
        /** 429, message not taken */
        RATE_LIMITED,
        /** 500, message not taken */
        SERVER_ERROR,
        /** 500, yet the message was taken (and will be sent) */
        SERVER_ERROR_AFTER_ACCEPT,
        /** the message is taken and no answer ever comes */
        TIMEOUT_AFTER_ACCEPT,
        /** 400 with error 21211 (invalid To) */
        INVALID_NUMBER
    }

    public record Sent(String sid, String to, String from, String body, String statusCallback, String createdAt) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Sent> messages = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final int port;

    public TwilioFake() {
        try {
            this.server = vertx.createHttpServer()
                    .requestHandler(this::handle)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.port = server.actualPort();
    }

    /** The engine settings that point its Twilio client at this fake and check webhooks for {@code publicBaseUrl}. */
    public java.util.Map<String, String> engineEnv(String publicBaseUrl) {
        return java.util.Map.of(
                "TWILIO_ACCOUNT_SID", ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                "TWILIO_FROM", FROM,
                "TWILIO_API_BASE", base(),
                "PUBLIC_BASE_URL", publicBaseUrl);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void failNext(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Messages Twilio holds (taken), in order. */
    public List<Sent> messages() {
        return List.copyOf(messages);
    }

    /** What the SDK sent that Twilio would not accept (wrong path, auth, fields). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** A message Twilio holds without us having heard back (e.g. sent before a crash). */
    public Sent accept(String to, String body) {
        Sent s = new Sent(sid(), to, FROM, body, null, RFC2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
        messages.add(s);
        return s;
    }

    private void handle(HttpServerRequest req) {
        String prefix = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages";
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(req.getHeader("Authorization"))) {
            problems.add("bad auth on " + req.path());
            error(req, 401, 20003, "Authenticate");
            return;
        }
        if (req.method().name().equals("POST") && req.path().equals(prefix + ".json")) {
            req.setExpectMultipart(true);
            req.end().onSuccess(v -> create(req));
        } else if (req.method().name().equals("GET") && req.path().equals(prefix + ".json")) {
            list(req);
        } else {
            problems.add("unexpected " + req.method() + " " + req.path());
            error(req, 404, 20404, "The requested resource was not found");
        }
    }

    private void create(HttpServerRequest req) {
        var form = req.formAttributes();
        for (String name : form.names()) {
            if (!CREATE_FIELDS.contains(name)) problems.add("unexpected field " + name);
        }
        String to = form.get("To"), from = form.get("From"), body = form.get("Body");
        if (to == null || from == null || body == null) {
            problems.add("missing To/From/Body: " + form.names());
            error(req, 400, 21604, "A 'To' phone number is required.");
            return;
        }
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        if (fault == Fault.RATE_LIMITED) {
            error(req, 429, 20429, "Too Many Requests");
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            error(req, 500, 20500, "Internal Server Error");
            return;
        }
        if (fault == Fault.INVALID_NUMBER) {
            error(req, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
            return;
        }
        Sent s = new Sent(
                sid(), to, from, body, form.get("StatusCallback"), RFC2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
        messages.add(s);
        if (fault == Fault.SERVER_ERROR_AFTER_ACCEPT) {
            error(req, 500, 20500, "Internal Server Error");
        } else if (fault != Fault.TIMEOUT_AFTER_ACCEPT) {
            req.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(json(s).encode());
        }
    }

    private void list(HttpServerRequest req) {
        String to = req.getParam("To"), from = req.getParam("From");
        JsonArray out = new JsonArray();
        List<Sent> newestFirst = new ArrayList<>(messages);
        java.util.Collections.reverse(newestFirst);
        for (Sent s : newestFirst) {
            if ((to == null || to.equals(s.to())) && (from == null || from.equals(s.from()))) out.add(json(s));
        }
        String uri = req.uri();
        req.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("messages", out)
                        .put("end", Math.max(0, out.size() - 1))
                        .put("first_page_uri", uri)
                        .put("next_page_uri", (String) null)
                        .put("page", 0)
                        .put("page_size", 50)
                        .put("previous_page_uri", (String) null)
                        .put("start", 0)
                        .put("uri", uri)
                        .encode());
    }

    private static JsonObject json(Sent s) {
        return new JsonObject()
                .put("account_sid", ACCOUNT_SID)
                .put("api_version", "2010-04-01")
                .put("body", s.body())
                .put("date_created", s.createdAt())
                .put("date_sent", (String) null)
                .put("date_updated", s.createdAt())
                .put("direction", "outbound-api")
                .put("error_code", (Integer) null)
                .put("error_message", (String) null)
                .put("from", s.from())
                .put("num_media", "0")
                .put("num_segments", "1")
                .put("price", (String) null)
                .put("price_unit", "USD")
                .put("sid", s.sid())
                .put("status", "queued")
                .put("to", s.to())
                .put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + s.sid() + ".json");
    }

    private static void error(HttpServerRequest req, int status, int code, String message) {
        req.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("code", code)
                        .put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                        .put("status", status)
                        .encode());
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
