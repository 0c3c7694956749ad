package org.callcenter.tickets;

import io.vertx.ext.web.Router;
import java.util.Optional;
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

    public TicketRoutes(TicketService service, PhoneNumbers phoneNumbers, Meters meters) {
        this.service = service;
        this.phoneNumbers = phoneNumbers;
        this.meters = meters;
    }

    public void mount(Router api) {
        api.post("/v1/tickets")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    TicketDraft draft = draft(JsonInput.of(Api.body(ctx)));
                    return service.create(draft, Api.username(ctx)).onSuccess(t -> {
                        meters.ticketCreated(lower(t.channel()), lower(t.severity()));
                        ctx.response()
                                .putHeader("ETag", etag(t))
                                .putHeader("Location", "/api/v1/tickets/" + t.number());
                    });
                }));
        api.get("/v1/tickets")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Optional<String> phone = Api.query(ctx, "phone").map(p -> {
                        try {
                            return phoneNumbers.normalize(p);
                        } catch (InvalidPhoneNumberException e) {
                            throw InvalidInputException.of("phone", e.getMessage());
                        }
                    });
                    Optional<TicketStatus> status = Api.query(ctx, "status").map(TicketRoutes::status);
                    TicketQuery query = new TicketQuery(
                            phone,
                            Api.query(ctx, "customerId"),
                            status,
                            Api.intQuery(ctx, "limit", 20, 1, 200),
                            Api.intQuery(ctx, "skip", 0, 0, 100_000));
                    return service.search(query);
                }));
        api.get("/v1/tickets/:number")
                .handler(ctx -> Api.respond(
                        ctx,
                        200,
                        () -> service.get(ctx.pathParam("number"))
                                .onSuccess(t -> ctx.response().putHeader("ETag", etag(t)))));
        api.patch("/v1/tickets/:number")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
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
                    long version = Api.expectedVersion(ctx, in);
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
                    return service.update(ctx.pathParam("number"), version, patch, Api.username(ctx))
                            .onSuccess(t -> {
                                meters.ticketUpdated("update");
                                ctx.response().putHeader("ETag", etag(t));
                            })
                            .onFailure(e -> {
                                if (e instanceof org.callcenter.common.ConflictException) meters.ticketConflict();
                            });
                }));
        api.post("/v1/tickets/:number/notes")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("text");
                    String text = in.requiredString("text", 4000);
                    in.validate();
                    return service.addNote(ctx.pathParam("number"), text, Api.username(ctx))
                            .onSuccess(t -> meters.ticketUpdated("note"));
                }));
        api.post("/v1/tickets/:number/feedback")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in =
                            JsonInput.of(ctx.body().isEmpty() ? new io.vertx.core.json.JsonObject() : Api.body(ctx));
                    in.allowOnly("text");
                    String text = in.optionalString("text", 4000).orElse(null);
                    in.validate();
                    return service.recordFeedback(ctx.pathParam("number"), text, Api.username(ctx))
                            .onSuccess(t -> meters.ticketUpdated("feedback"));
                }));
    }

    private static TicketDraft draft(JsonInput in) {
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
                in.requiredString("phone", 64),
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

    private static TicketStatus status(String raw) {
        try {
            return TicketStatus.valueOf(raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "unknown status '" + raw.replaceAll("[^A-Za-z_]", "?") + "'");
        }
    }

    private static String etag(Ticket t) {
        return "\"" + t.version() + "\"";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
