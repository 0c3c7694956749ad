package org.callcenter.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callcenter.store.Blocking;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/**
 * /api/v1/followups: my list and the shared list, claim, record an outcome with the answers, plan now
 * (supervisor), coverage of the quarter, answers per question over a period; deliveries of a customer.
 */
public final class FollowupRoutes {
    private final FollowupModule module;
    private final Blocking blocking;

    FollowupRoutes(FollowupModule module, Blocking blocking) {
        this.module = module;
        this.blocking = blocking;
    }

    public void mount(Router api) {
        FollowupService service = module.service();
        api.get("/v1/followups")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String agent = Api.username(ctx);
                    return blocking.run(() -> service.list(agent));
                }));
        api.post("/v1/followups/plan")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.SUPERVISOR);
                    return module.planNow().map(n -> Map.of("changed", n));
                }));
        api.get("/v1/followups/coverage")
                .handler(ctx -> Api.respond(ctx, 200, () -> blocking.run(module.coverage()::report)));
        api.get("/v1/followups/answers").handler(ctx -> Api.respond(ctx, 200, () -> answers(ctx)));
        api.post("/v1/customers/:id/deliveries").handler(ctx -> Api.respond(ctx, 201, () -> delivery(ctx)));
        api.get("/v1/customers/:id/deliveries")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String id = ctx.pathParam("id");
                    return blocking.run(() -> module.repository().deliveriesOf(id));
                }));
        api.get("/v1/followups/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> blocking.run(() -> service.get(ctx.pathParam("id")))));
        api.post("/v1/followups/:id/claim")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String agent = Api.username(ctx);
                    String id = ctx.pathParam("id");
                    return blocking.run(() -> service.claim(id, agent));
                }));
        api.post("/v1/followups/:id/dial").handler(ctx -> Api.respond(ctx, 200, () -> dial(ctx)));
        api.post("/v1/followups/:id/outcome").handler(ctx -> Api.respond(ctx, 200, () -> outcome(ctx)));
    }

    /** ?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive, at most 366 days; default: this quarter so far). */
    private Future<FollowupAnswers.Report> answers(RoutingContext ctx) {
        JsonObject q = new JsonObject();
        Api.query(ctx, "from").ifPresent(v -> q.put("from", v));
        Api.query(ctx, "to").ifPresent(v -> q.put("to", v));
        JsonInput in = JsonInput.of(q);
        java.time.ZoneId zone = module.zone();
        LocalDate today = LocalDate.ofInstant(module.now(), zone);
        LocalDate from = in.optionalDate("from").orElse(FollowupRules.quarterStart(today));
        LocalDate to = in.optionalDate("to").orElse(today);
        if (to.isBefore(from)) in.error("to", "must not be before from");
        else if (to.isAfter(from.plusDays(366))) in.error("to", "the period is at most 366 days");
        in.validate();
        return blocking.run(() -> new FollowupAnswers(module.repository(), zone).report(from, to));
    }

    private Future<Delivery> delivery(RoutingContext ctx) {
        JsonInput in = JsonInput.of(Api.body(ctx));
        in.allowOnly("product", "deliveredAt", "reference", "installationId");
        String product = in.requiredString("product", 200);
        Instant at = in.optionalInstant("deliveredAt").orElse(null);
        if (at == null && in.errors().stream().noneMatch(e -> e.field().equals("deliveredAt")))
            in.error("deliveredAt", "is required (ISO-8601 instant)");
        else if (at != null && at.isAfter(module.now().plus(java.time.Duration.ofDays(1))))
            in.error("deliveredAt", "must not be in the future");
        String reference = in.optionalString("reference", 100).orElse(null);
        String installation = in.optionalString("installationId", 64).orElse(null);
        in.validate();
        String customer = ctx.pathParam("id");
        String by = Api.username(ctx);
        return blocking.run(() -> module.deliver(customer, installation, product, at, reference, by));
    }

    private Future<FollowupDialling.DialAttempt> dial(RoutingContext ctx) {
        JsonInput in = JsonInput.of(Api.body(ctx));
        in.allowOnly("extension");
        String extension = in.requiredString("extension", 20);
        if (extension != null && !extension.matches("[0-9A-Za-z_-]+"))
            in.error("extension", "letters, digits, '-' and '_' only");
        in.validate();
        return module.dialling().dial(ctx.pathParam("id"), Api.username(ctx), extension);
    }

    private Future<FollowUp> outcome(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        JsonInput in = JsonInput.of(body);
        in.allowOnly("outcome", "later", "answers", "note");
        Outcome outcome = in.requiredEnum("outcome", Outcome.class);
        Instant later = in.optionalInstant("later").orElse(null);
        String note = in.optionalString("note", 2000).orElse(null);
        Map<String, String> answers = answers(body, in);
        in.validate();
        String agent = Api.username(ctx);
        String id = ctx.pathParam("id");
        return blocking.run(() -> module.record(id, agent, outcome, later, answers, note));
    }

    /** {"question": "answer", ...}: at most 20, answers up to 2000 characters. */
    private static Map<String, String> answers(JsonObject body, JsonInput in) {
        Map<String, String> out = new LinkedHashMap<>();
        Object raw = body.getValue("answers");
        if (raw == null) return out;
        if (!(raw instanceof JsonObject obj) || obj.size() > 20) {
            in.error("answers", "must be an object of at most 20 question: answer pairs");
            return out;
        }
        for (String q : obj.fieldNames()) {
            if (!(obj.getValue(q) instanceof String a) || q.length() > 500 || a.length() > 2000)
                in.error("answers", "each answer must be text (question up to 500, answer up to 2000 characters)");
            else out.put(q, a);
        }
        return out;
    }
}
