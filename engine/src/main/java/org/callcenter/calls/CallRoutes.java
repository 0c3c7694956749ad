package org.callcenter.calls;

import io.vertx.ext.web.Router;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** /api/v1/calls: one call, my recent calls, the wrap-up; /api/v1/callbacks: open call-back tasks. */
public final class CallRoutes {
    private final CallService service;

    public CallRoutes(CallService service) {
        this.service = service;
    }

    public void mount(Router api) {
        api.get("/v1/calls/recent")
                .handler(ctx -> Api.respond(
                        ctx, 200, () -> service.recent(Api.username(ctx), Api.intQuery(ctx, "limit", 10, 1, 20))));
        api.get("/v1/calls/:id")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.get(ctx.pathParam("id"), Api.session(ctx))));
        api.post("/v1/calls/:id/wrapup")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("ticketNumber", "note");
                    String ticket = in.requiredString("ticketNumber", 20);
                    String note = in.optionalString("note", 2000).orElse(null);
                    in.validate();
                    return service.wrapUp(ctx.pathParam("id"), ticket, note, Api.session(ctx));
                }));
        api.get("/v1/callbacks")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.AGENT);
                    return service.openCallbacks(Api.intQuery(ctx, "limit", 50, 1, 200));
                }));
    }
}
