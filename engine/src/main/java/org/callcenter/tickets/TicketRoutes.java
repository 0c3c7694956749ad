package org.callcenter.tickets;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.callcenter.common.ConflictException;
import org.callcenter.common.InvalidInputException;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.InvalidPhoneNumberException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** /api/v1/tickets: register, find, search, update (optimistic), notes and feedback. */
public final class TicketRoutes {
    private final TicketService service;
    private final PhoneNumbers phoneNumbers;
    private final Meters meters;
    private Function<Ticket, Future<Object>> view = Future::succeededFuture;

    public TicketRoutes(TicketService service, PhoneNumbers phoneNumbers, Meters meters) {
        this.service = service;
        this.phoneNumbers = phoneNumbers;
        this.meters = meters;
    }

    /** How a request is shown by GET (the SLA domain adds its clocks). */
    public TicketRoutes withView(Function<Ticket, Future<Object>> view) {
        this.view = view;
        return this;
    }

    public void mount(Router api) {
        api.post("/v1/tickets")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    TicketDraft draft = draft(JsonInput.of(Api.body(ctx)));
                    return tagged(ctx, service.create(draft, Api.username(ctx))).onSuccess(t -> {
                        meters.ticketCreated(lower(t.channel()), lower(t.severity()));
                        ctx.response().putHeader("Location", "/api/v1/tickets/" + t.number());
                    });
                }));
        api.get("/v1/tickets").handler(ctx -> Api.respond(ctx, 200, () -> service.search(query(ctx))));
        api.get("/v1/tickets/:number")
                .handler(ctx -> Api.respond(
                        ctx,
                        200,
                        () -> tagged(ctx, service.get(ctx.pathParam("number"))).compose(view)));
        api.patch("/v1/tickets/:number")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    long version = Api.expectedVersion(ctx, in);
                    TicketPatch patch = patch(in);
                    return tagged(ctx, service.update(ctx.pathParam("number"), version, patch, Api.username(ctx)))
                            .onSuccess(t -> meters.ticketUpdated("update"))
                            .onFailure(e -> {
                                if (e instanceof ConflictException) meters.ticketConflict();
                            });
                }));
        api.post("/v1/tickets/:number/notes")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("text");
                    String text = in.requiredString("text", 4000);
                    in.validate();
                    return tagged(ctx, service.addNote(ctx.pathParam("number"), text, Api.username(ctx)))
                            .onSuccess(t -> meters.ticketUpdated("note"));
                }));
        api.post("/v1/tickets/:number/feedback")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(ctx.body().isEmpty() ? new JsonObject() : Api.body(ctx));
                    in.allowOnly("text");
                    String text = in.optionalString("text", 4000).orElse(null);
                    in.validate();
                    return tagged(ctx, service.recordFeedback(ctx.pathParam("number"), text, Api.username(ctx)))
                            .onSuccess(t -> meters.ticketUpdated("feedback"));
                }));
    }

    /** Adds the request's version as its ETag, for the next If-Match. */
    private static Future<Ticket> tagged(RoutingContext ctx, Future<Ticket> ticket) {
        return ticket.onSuccess(t -> ctx.response().putHeader("ETag", "\"" + t.version() + "\""));
    }

    private TicketDraft draft(JsonInput in) {
        in.allowOnly(
                "customerId",
                "installationId",
                "contactName",
                "phone",
                "category",
                "product",
                "severity",
                "description",
                "channel",
                "escalation",
                "openedAt");
        TicketDraft draft = new TicketDraft(
                in.optionalString("customerId", 64).orElse(null),
                in.optionalString("installationId", 64).orElse(null),
                in.optionalString("contactName", 200).orElse(null),
                in.requiredPhone("phone", phoneNumbers),
                in.requiredString("category", 100),
                in.optionalString("product", 200).orElse(null),
                in.optionalEnum("severity", Severity.class).orElse(Severity.GENERAL),
                in.requiredString("description", 4000),
                in.optionalEnum("channel", Channel.class).orElse(Channel.PHONE),
                in.optionalEnum("escalation", Escalation.class).orElse(Escalation.PHONE),
                in.optionalInstant("openedAt").orElse(null));
        in.validate();
        return draft;
    }

    private static TicketPatch patch(JsonInput in) {
        in.allowOnly(
                "contactName",
                "category",
                "product",
                "severity",
                "description",
                "escalation",
                "status",
                "transferredTo",
                "installationId",
                "note",
                "version");
        TicketPatch patch = new TicketPatch(
                in.optionalString("contactName", 200),
                in.optionalString("category", 100),
                in.optionalString("product", 200),
                in.optionalEnum("severity", Severity.class),
                in.optionalString("description", 4000),
                in.optionalEnum("escalation", Escalation.class),
                in.optionalEnum("status", TicketStatus.class),
                in.optionalString("transferredTo", 200),
                in.optionalString("installationId", 64),
                in.optionalString("note", 4000));
        in.validate();
        return patch;
    }

    /**
     * A search needs at least one of phone, customerId or status: listing every request ever made
     * is never what an agent wants, and it would scan the whole collection.
     */
    private TicketQuery query(RoutingContext ctx) {
        Optional<String> phone = Api.query(ctx, "phone").map(p -> {
            try {
                return phoneNumbers.normalize(p);
            } catch (InvalidPhoneNumberException e) {
                throw InvalidInputException.of("phone", e.getMessage());
            }
        });
        Optional<String> customerId = Api.query(ctx, "customerId");
        Optional<TicketStatus> status = Api.query(ctx, "status").map(TicketRoutes::status);
        if (phone.isEmpty() && customerId.isEmpty() && status.isEmpty())
            throw InvalidInputException.of("phone", "give at least one of ?phone=, ?customerId=, ?status=");
        return new TicketQuery(
                phone,
                customerId,
                status,
                Api.intQuery(ctx, "limit", 20, 1, 200),
                Api.intQuery(ctx, "skip", 0, 0, 100_000));
    }

    private static TicketStatus status(String raw) {
        try {
            return TicketStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "unknown status '" + raw.replaceAll("[^A-Za-z_]", "?") + "'");
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
