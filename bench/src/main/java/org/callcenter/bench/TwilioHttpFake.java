package org.callcenter.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Twilio Messages API for the outbox benchmark: a real HTTP server speaking Twilio's wire format
 * (basic auth, form-encoded create, JSON answers, the list the engine reconciles with), recording
 * when each message arrived. Same behaviour as the tests' TwilioFake, without its fault injection.
 */
final class TwilioHttpFake implements AutoCloseable {
    static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    static final String AUTH_TOKEN = "bench-auth-token";
    static final String FROM = "+15005550006";
    private static final DateTimeFormatter RFC2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    record Sent(String sid, String to, String body, String createdAt, long nanos) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Sent> messages = new CopyOnWriteArrayList<>();
    private final Map<String, List<Sent>> byTo = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final String auth = "Basic "
            + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

    TwilioHttpFake() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<Sent> messages() {
        return messages;
    }

    List<String> problems() {
        return problems;
    }

    private void handle(HttpServerRequest req) {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
        if (!auth.equals(req.getHeader("Authorization"))) {
            problems.add("bad auth");
            error(req, 401, 20003, "Authenticate");
        } else if (req.method().name().equals("POST") && req.path().equals(path)) {
            req.setExpectMultipart(true);
            req.end().onSuccess(v -> create(req));
        } else if (req.method().name().equals("GET") && req.path().equals(path)) {
            list(req);
        } else {
            problems.add("unexpected " + req.method() + " " + req.path());
            error(req, 404, 20404, "not found");
        }
    }

    private void create(HttpServerRequest req) {
        var form = req.formAttributes();
        String to = form.get("To"), body = form.get("Body");
        if (to == null || body == null || !FROM.equals(form.get("From"))) {
            problems.add("bad form " + form.names());
            error(req, 400, 21604, "A 'To' phone number is required.");
            return;
        }
        Sent s = new Sent(
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                to,
                body,
                RFC2822.format(ZonedDateTime.now(ZoneOffset.UTC)),
                System.nanoTime());
        messages.add(s);
        byTo.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(s);
        req.response()
                .setStatusCode(201)
                .putHeader("Content-Type", "application/json")
                .end(json(s).encode());
    }

    private void list(HttpServerRequest req) {
        List<Sent> found = new ArrayList<>(byTo.getOrDefault(req.getParam("To"), List.of()));
        java.util.Collections.reverse(found);
        JsonArray out = new JsonArray();
        found.stream().limit(50).forEach(s -> out.add(json(s)));
        req.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("messages", out)
                        .put("end", Math.max(0, out.size() - 1))
                        .put("first_page_uri", req.uri())
                        .put("next_page_uri", (String) null)
                        .put("page", 0)
                        .put("page_size", 50)
                        .put("previous_page_uri", (String) null)
                        .put("start", 0)
                        .put("uri", req.uri())
                        .encode());
    }

    private static JsonObject json(Sent s) {
        return new JsonObject()
                .put("account_sid", ACCOUNT_SID)
                .put("api_version", "2010-04-01")
                .put("body", s.body())
                .put("date_created", s.createdAt())
                .put("date_updated", s.createdAt())
                .put("direction", "outbound-api")
                .put("from", FROM)
                .put("num_segments", "1")
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
                        .put("status", status)
                        .encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
