package org.callcenter.dispatch;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callcenter.common.InvalidInputException;
import org.callcenter.customers.Region;
import org.callcenter.dispatch.DispatchInputs.DispatchOrder;
import org.callcenter.dispatch.DispatchInputs.TechnicianDraft;
import org.callcenter.dispatch.DispatchInputs.TechnicianPatch;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** /api/v1/technicians (supervisors manage them), dispatching a request, and its visits. */
public final class DispatchRoutes {
    private static final int MAX_SKILLS = 50;
    private final TechnicianService technicians;
    private final DispatchService dispatch;
    private final PhoneNumbers phones;

    DispatchRoutes(TechnicianService technicians, DispatchService dispatch, PhoneNumbers phones) {
        this.technicians = technicians;
        this.dispatch = dispatch;
        this.phones = phones;
    }

    public void mount(Router api) {
        api.post("/v1/technicians")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    Api.requireRole(ctx, Role.SUPERVISOR);
                    return technicians
                            .create(draft(JsonInput.of(Api.body(ctx))))
                            .onSuccess(t -> ctx.response().putHeader("Location", "/api/v1/technicians/" + t.id()));
                }));
        api.get("/v1/technicians")
                .handler(ctx -> Api.respond(ctx, 200, () -> technicians.list(onDuty(ctx), region(ctx))));
        api.get("/v1/technicians/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> technicians.get(ctx.pathParam("id"))));
        api.patch("/v1/technicians/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.SUPERVISOR);
                    return technicians.update(ctx.pathParam("id"), patch(JsonInput.of(Api.body(ctx))));
                }));
        api.delete("/v1/technicians/:id").handler(ctx -> {
            try {
                Api.requireRole(ctx, Role.SUPERVISOR);
                technicians
                        .delete(ctx.pathParam("id"))
                        .onSuccess(v -> ctx.response().setStatusCode(204).end())
                        .onFailure(ctx::fail);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
        api.post("/v1/tickets/:number/dispatch")
                .handler(ctx -> Api.respond(
                        ctx,
                        201,
                        () -> dispatch.dispatch(
                                        ctx.pathParam("number"), order(JsonInput.of(Api.body(ctx))), Api.username(ctx))
                                .onSuccess(v -> ctx.response().putHeader("Location", "/api/v1/visits/" + v.id()))));
        api.get("/v1/tickets/:number/visits")
                .handler(ctx -> Api.respond(ctx, 200, () -> dispatch.ofTicket(ctx.pathParam("number"))));
        api.get("/v1/visits/pending-consent").handler(ctx -> Api.respond(ctx, 200, dispatch::pendingConsent));
        api.get("/v1/visits/:id").handler(ctx -> Api.respond(ctx, 200, () -> dispatch.get(ctx.pathParam("id"))));
        api.put("/v1/visits/:id/appointment")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("appointmentStart", "appointmentEnd");
                    var start = in.optionalInstant("appointmentStart");
                    var end = in.optionalInstant("appointmentEnd");
                    if (!in.has("appointmentStart")) in.error("appointmentStart", "is required");
                    if (!in.has("appointmentEnd")) in.error("appointmentEnd", "is required");
                    in.validate();
                    return dispatch.appointment(ctx.pathParam("id"), start.get(), end.get(), Api.username(ctx));
                }));
        api.post("/v1/visits/:id/report")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("text");
                    String text = in.requiredString("text", 4000);
                    in.validate();
                    return dispatch.report(ctx.pathParam("id"), text, Api.username(ctx));
                }));
    }

    private TechnicianDraft draft(JsonInput in) {
        in.allowOnly("name", "mobile", "region", "skills", "onDuty");
        TechnicianDraft d = new TechnicianDraft(
                in.requiredString("name", 200),
                in.requiredPhone("mobile", phones),
                in.requiredEnum("region", Region.class),
                in.stringList("skills", MAX_SKILLS, 100),
                in.optionalBoolean("onDuty").orElse(true));
        in.validate();
        return d;
    }

    private TechnicianPatch patch(JsonInput in) {
        in.allowOnly("name", "mobile", "region", "skills", "onDuty");
        TechnicianPatch p = new TechnicianPatch(
                in.optionalString("name", 200),
                in.optionalPhone("mobile", phones),
                in.optionalEnum("region", Region.class),
                in.has("skills")
                        ? Optional.of(in.stringList("skills", MAX_SKILLS, 100))
                        : Optional.<List<String>>empty(),
                in.optionalBoolean("onDuty"));
        in.validate();
        return p;
    }

    private static DispatchOrder order(JsonInput in) {
        in.allowOnly("technicianId", "appointmentStart", "appointmentEnd", "skill", "allowOtherRegion");
        DispatchOrder o = new DispatchOrder(
                in.requiredString("technicianId", 64),
                in.optionalInstant("appointmentStart").orElse(null),
                in.optionalInstant("appointmentEnd").orElse(null),
                in.optionalString("skill", 100).orElse(null),
                in.optionalBoolean("allowOtherRegion").orElse(false));
        in.validate();
        return o;
    }

    private static Optional<Boolean> onDuty(RoutingContext ctx) {
        return Api.query(ctx, "onDuty").map(s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInputException.of("onDuty", "must be true or false");
        });
    }

    private static Optional<Region> region(RoutingContext ctx) {
        return Api.query(ctx, "region").map(s -> {
            try {
                return Region.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("region", "must be one of capital, neighbouring, other");
            }
        });
    }
}
