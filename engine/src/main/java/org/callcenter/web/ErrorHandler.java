package org.callcenter.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.ConflictException;
import org.callcenter.common.FieldError;
import org.callcenter.common.ForbiddenException;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.common.UnauthorizedException;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON error with the right status; the engine never drops a request. */
final class ErrorHandler implements Handler<RoutingContext> {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);
    private final Meters meters;

    ErrorHandler(Meters meters) {
        this.meters = meters;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) return;
        Throwable failure = ctx.failure();
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null)
            failure = failure.getCause();
        switch (failure) {
            case InvalidInputException e -> {
                meters.httpRejected("invalid_input");
                answer(ctx, e.unprocessable() ? 422 : 400, "invalid_input", e.getMessage(), e.errors(), null);
            }
            case NotFoundException e -> {
                meters.httpRejected("not_found");
                answer(ctx, 404, "not_found", e.getMessage(), null, null);
            }
            case ConflictException e -> {
                meters.httpRejected("conflict");
                answer(ctx, 409, "conflict", e.getMessage(), null, e.current());
            }
            case UnauthorizedException e -> {
                meters.httpRejected("unauthorized");
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                answer(ctx, 401, "unauthorized", e.getMessage(), null, null);
            }
            case ForbiddenException e -> {
                meters.httpRejected("forbidden");
                answer(ctx, 403, "forbidden", e.getMessage(), null, null);
            }
            case StoreUnavailableException e -> unavailable(ctx, e);
            case com.mongodb.MongoException e -> unavailable(ctx, e);
            case redis.clients.jedis.exceptions.JedisException e -> unavailable(ctx, e);
            case null -> byStatus(ctx, ctx.statusCode());
            default -> {
                log.error(
                        "unexpected failure on {} {}",
                        ctx.request().method(),
                        PhoneNumbers.maskDigitsIn(ctx.request().path()),
                        failure);
                answer(ctx, 500, "internal", "internal error; it has been logged", null, null);
            }
        }
    }

    private void unavailable(RoutingContext ctx, Throwable e) {
        meters.httpRejected("unavailable");
        log.warn(
                "store unavailable on {} {}: {}",
                ctx.request().method(),
                PhoneNumbers.maskDigitsIn(ctx.request().path()),
                e.toString());
        answer(ctx, 503, "unavailable", "a store is unavailable; try again shortly", null, null);
    }

    private void byStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 413 -> {
                meters.httpRejected("too_large");
                answer(ctx, 413, "too_large", "request body is larger than allowed", null, null);
            }
            case 401 -> {
                meters.httpRejected("unauthorized");
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                answer(
                        ctx,
                        401,
                        "unauthorized",
                        "log in: POST /api/v1/auth/login, then send Authorization: Bearer <token>",
                        null,
                        null);
            }
            case 404 -> {
                meters.httpRejected("not_found");
                answer(ctx, 404, "not_found", "no such resource", null, null);
            }
            case 405 -> answer(ctx, 405, "method_not_allowed", "method not allowed here", null, null);
            default -> answer(ctx, status < 400 ? 500 : status, "error", "request failed", null, null);
        }
    }

    private static void answer(
            RoutingContext ctx, int status, String code, String message, List<FieldError> fields, Object current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (fields != null) body.put("fields", fields);
        if (current != null) body.put("current", current);
        Api.json(ctx, status, body);
    }
}
