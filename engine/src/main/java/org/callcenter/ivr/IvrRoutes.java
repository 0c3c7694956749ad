package org.callcenter.ivr;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.TreeSet;
import org.callcenter.web.Api;

/**
 * The IVR over HTTP: a session's trace by the channel's uniqueid (what the call record and the
 * screen-pop show), a call's survey, and the scripts loaded now.
 */
public final class IvrRoutes {
    private final IvrService service;
    private final ScriptRegistry scripts;

    public IvrRoutes(IvrService service, ScriptRegistry scripts) {
        this.service = service;
        this.scripts = scripts;
    }

    public void mount(Router api) {
        api.get("/v1/ivr/sessions/:uniqueid")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.trace(ctx.pathParam("uniqueid"))));
        api.get("/v1/ivr/surveys/:uniqueid")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.surveyOf(ctx.pathParam("uniqueid"))));
        api.get("/v1/ivr/scripts")
                .handler(ctx -> Api.respond(
                        ctx, 200, () -> Future.succeededFuture(Map.of("scripts", new TreeSet<>(scripts.names())))));
    }
}
