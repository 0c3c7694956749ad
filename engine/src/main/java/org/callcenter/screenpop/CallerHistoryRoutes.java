package org.callcenter.screenpop;

import io.vertx.ext.web.Router;
import org.callcenter.web.Api;

/** GET /api/v1/callers/{phone}/history: the screen-pop payload for a phone number in any format. */
public final class CallerHistoryRoutes {
    private final CallerHistoryService service;

    public CallerHistoryRoutes(CallerHistoryService service) {
        this.service = service;
    }

    public void mount(Router api) {
        api.get("/v1/callers/:phone/history")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.lookup(ctx.pathParam("phone"))));
    }
}
