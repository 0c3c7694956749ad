package org.callcenter.web;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.JsonMapper;
import org.callcenter.users.Role;
import org.callcenter.users.Session;

/** Helpers every *Routes class uses: read the body, answer JSON, know the caller. */
public final class Api {
    static final String SESSION = "session";
    public static final String SESSION_COOKIE = "cc_session";

    private Api() {}

    /** The request body as a JSON object; 400 with a clear message if it is missing or malformed. */
    public static JsonObject body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) throw InvalidInputException.of("body", "a JSON object is required");
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw InvalidInputException.of("body", "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (!(value instanceof JsonObject obj)) throw InvalidInputException.of("body", "must be a JSON object");
        return obj;
    }

    /** Runs {@code action} (which may throw input errors) and answers its result as JSON. */
    public static <T> void respond(RoutingContext ctx, int status, Supplier<Future<T>> action) {
        Future<T> future;
        try {
            future = action.get();
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        future.onSuccess(value -> json(ctx, status, value)).onFailure(ctx::fail);
    }

    public static void json(RoutingContext ctx, int status, Object value) {
        if (ctx.response().ended()) return;
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(JsonMapper.write(value));
    }

    /**
     * True when the request asks for a WebSocket upgrade; otherwise answers 426 Upgrade Required with a
     * reason (a plain GET on a socket endpoint must not hang or fail with a 500) and returns false.
     */
    public static boolean wantsWebSocket(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader("Upgrade");
        if (upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket")) return true;
        ctx.response()
                .setStatusCode(426)
                .putHeader("Upgrade", "websocket")
                .putHeader("Connection", "Upgrade")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("this endpoint is a WebSocket: connect with a WebSocket client (Upgrade: websocket)");
        return false;
    }

    /**
     * False when a browser page of another site opens a socket here (its Origin names another host);
     * a request without an Origin is not a browser page, so its credentials decide.
     */
    public static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) return true;
        try {
            String host = java.net.URI.create(origin).getAuthority();
            var authority = ctx.request().authority();
            return host != null && authority != null && host.equalsIgnoreCase(authority.toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The bearer token, or the session cookie's value; null when neither is there. */
    public static String token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
            return header.substring(7).trim();
        io.vertx.core.http.Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    public static Session session(RoutingContext ctx) {
        return ctx.get(SESSION);
    }

    public static String username(RoutingContext ctx) {
        return session(ctx).username();
    }

    /** Answers 403 unless the caller's role is at least {@code role}. */
    public static void requireRole(RoutingContext ctx, Role role) {
        if (!session(ctx).role().atLeast(role))
            throw new org.callcenter.common.ForbiddenException(
                    "requires role " + role.name().toLowerCase());
    }

    public static Optional<String> query(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.queryParams().get(name)).filter(s -> !s.isBlank());
    }

    public static int intQuery(RoutingContext ctx, String name, int dflt, int min, int max) {
        Optional<String> raw = query(ctx, name);
        if (raw.isEmpty()) return dflt;
        try {
            int v = Integer.parseInt(raw.get().trim());
            if (v < min || v > max) throw InvalidInputException.of(name, "must be between " + min + " and " + max);
            return v;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be a whole number");
        }
    }

    /**
     * The version the client last saw: {@code If-Match: "3"} or a {@code version} field. Required on
     * updates so a stale edit is refused (409) instead of silently overwriting another agent's work.
     */
    public static long expectedVersion(RoutingContext ctx, JsonInput in) {
        String header = ctx.request().getHeader("If-Match");
        Optional<Long> fromBody = in.optionalLong("version", 1, Long.MAX_VALUE);
        if (header != null) {
            try {
                return Long.parseLong(header.replace("W/", "").replace("\"", "").trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("If-Match", "must be the version number, e.g. \"3\"");
            }
        }
        if (fromBody.isPresent()) return fromBody.get();
        if (!in.has("version")) in.error("version", "is required (or send If-Match) so concurrent edits are detected");
        return -1;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
