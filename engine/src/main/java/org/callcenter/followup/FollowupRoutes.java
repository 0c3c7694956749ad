package org.callcenter.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callcenter.store.Blocking;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/**
 * /api/v1/followups: my list and the shared list, claim, record an outcome with the answers, plan now
 * (supervisor), coverage of the quarter.
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
