package org.callcenter.agents;

import io.vertx.ext.web.Router;
import java.util.List;
import org.callcenter.common.InvalidInputException;
import org.callcenter.users.Role;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** Agents: list with presence (supervisors), register an interface (admins), my presence. */
public final class AgentRoutes {
    private final AgentService service;

    public AgentRoutes(AgentService service) {
        this.service = service;
    }

    public void mount(Router api) {
        api.get("/v1/agents")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.SUPERVISOR);
                    return service.all();
                }));
        api.get("/v1/agents/me").handler(ctx -> Api.respond(ctx, 200, () -> service.get(Api.username(ctx))));
        api.put("/v1/agents/me/presence")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("state");
                    Presence state = in.requiredEnum("state", Presence.class);
                    in.validate();
                    if (state != Presence.AVAILABLE && state != Presence.AWAY)
                        throw InvalidInputException.of("state", "an agent can set available or away");
                    return service.setPresence(Api.username(ctx), state, null);
                }));
        api.put("/v1/agents/:username")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.ADMIN);
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("interface", "queues");
                    String iface = in.requiredString("interface", 100);
                    List<String> queues = in.stringList("queues", 20, 80);
                    in.validate();
                    return service.register(ctx.pathParam("username"), iface, queues);
                }));
    }
}
