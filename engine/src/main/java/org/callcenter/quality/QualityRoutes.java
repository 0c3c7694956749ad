package org.callcenter.quality;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.util.Map;
import org.callcenter.common.InvalidInputException;
import org.callcenter.store.Blocking;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/**
 * /api/v1/complaints (register, answer, on scene, verify), /api/v1/quality/ladder/{technician},
 * /api/v1/quality/satisfaction, /api/v1/quality/recurring; the reports are in {@link ReportRoutes}.
 * Verifying and deciding ladder steps take a supervisor.
 */
public final class QualityRoutes {
    static final String ID = "[A-Za-z0-9._:@/+-]{1,64}";

    private final QualityModule module;
    private final Blocking blocking;

    QualityRoutes(QualityModule module, Blocking blocking) {
        this.module = module;
        this.blocking = blocking;
    }

    public void mount(Router api) {
        ComplaintService complaints = module.complaints();
        api.post("/v1/complaints").handler(ctx -> Api.respond(ctx, 201, () -> register(ctx)));
        api.get("/v1/complaints")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String ticket = Api.query(ctx, "ticket")
                            .map(t -> id("ticket", t))
                            .orElseThrow(() -> InvalidInputException.of("ticket", "give ?ticket= (a request number)"));
                    return blocking.run(() -> complaints.ofTicket(ticket));
                }));
        api.get("/v1/complaints/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> blocking.run(() -> complaints.get(ctx.pathParam("id")))));
        api.post("/v1/complaints/:id/answer")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String by = Api.username(ctx);
                    String id = ctx.pathParam("id");
                    return blocking.run(() -> complaints.answer(id, by));
                }));
        api.post("/v1/complaints/:id/on-scene")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String id = ctx.pathParam("id");
                    return blocking.run(() -> complaints.onScene(id));
                }));
        api.post("/v1/complaints/:id/verify").handler(ctx -> Api.respond(ctx, 200, () -> verify(ctx)));
        api.get("/v1/quality/ladder/:technician")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String technician = id("technician", ctx.pathParam("technician"));
                    return blocking.run(() -> complaints.ladder(technician));
                }));
        api.post("/v1/quality/ladder/:technician").handler(ctx -> Api.respond(ctx, 200, () -> decide(ctx)));
        api.get("/v1/quality/satisfaction").handler(ctx -> Api.respond(ctx, 200, () -> satisfaction(ctx)));
        api.get("/v1/quality/recurring")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.SUPERVISOR);
                    YearMonth month = monthQuery(ctx, "month");
                    return blocking.run(() -> Map.of(
                            "month", month.toString(),
                            "problems", module.recurring().evaluate(month),
                            "keyWarnings", module.recurring().warnings(month)));
                }));
        new ReportRoutes(module.reports(), blocking).mount(api);
    }

    private Future<Complaint> register(RoutingContext ctx) {
        JsonInput in = JsonInput.of(Api.body(ctx));
        in.allowOnly("source", "ticketId", "technicianId", "text");
        Complaint.Source source =
                in.optionalEnum("source", Complaint.Source.class).orElse(Complaint.Source.CALL);
        String ticket = in.optionalString("ticketId", 64).orElse(null);
        String technician = in.optionalString("technicianId", 64).orElse(null);
        String text = in.requiredString("text", 4000);
        if (ticket == null && technician == null && in.errors().isEmpty())
            in.error("technicianId", "a complaint names a technician (technicianId), a request (ticketId), or both");
        in.validate();
        String by = Api.username(ctx);
        return blocking.run(() -> module.complaints().register(source, ticket, technician, text, by));
    }

    private Future<Complaint> verify(RoutingContext ctx) {
        Api.requireRole(ctx, Role.SUPERVISOR);
        JsonObject body = Api.body(ctx);
        JsonInput in = JsonInput.of(body);
        in.allowOnly("verified", "note");
        Object verified = body.getValue("verified");
        if (!(verified instanceof Boolean)) in.error("verified", "is required: true (verified) or false (rejected)");
        String note = in.optionalString("note", 2000).orElse(null);
        in.validate();
        String by = Api.username(ctx);
        String id = ctx.pathParam("id");
        return blocking.run(() -> module.complaints().verify(id, (Boolean) verified, by, note));
    }

    private Future<Ladder> decide(RoutingContext ctx) {
        Api.requireRole(ctx, Role.SUPERVISOR);
        JsonInput in = JsonInput.of(Api.body(ctx));
        in.allowOnly("step", "note");
        LadderStep step = in.requiredEnum("step", LadderStep.class);
        String note = in.optionalString("note", 2000).orElse(null);
        in.validate();
        String technician = id("technician", ctx.pathParam("technician"));
        String by = Api.username(ctx);
        return blocking.run(() -> module.complaints().decide(technician, step, by, note));
    }

    private Future<SatisfactionService.Summary> satisfaction(RoutingContext ctx) {
        SatisfactionService.By by =
                SatisfactionService.By.parse(Api.query(ctx, "by").orElse("agent"));
        YearMonth from = monthQuery(ctx, "from");
        YearMonth to = Api.query(ctx, "to").isPresent() ? monthQuery(ctx, "to") : from;
        return blocking.run(() -> module.satisfaction().aggregate(from, to, by));
    }

    /** A month query parameter (default: the running month); malformed or future: 400. */
    private YearMonth monthQuery(RoutingContext ctx, String name) {
        ReportService reports = module.reports();
        try {
            return Api.query(ctx, name).map(reports::month).orElseGet(reports::currentMonth);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(name, e.errors().get(0).message());
        }
    }

    static String id(String field, String raw) {
        if (raw == null || !raw.matches(ID))
            throw InvalidInputException.of(field, "must be 1-64 letters, digits or . _ : @ / + -");
        return raw;
    }
}
