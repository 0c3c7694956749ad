package org.callcenter.wallboard;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.callcenter.users.Role;
import org.callcenter.users.UserService;
import org.callcenter.web.Api;

/**
 * {@code /wallboard/} (static page) and {@code GET /ws/wallboard}: authenticated like the API (the
 * session cookie or a bearer token) before the upgrade, supervisors and admins only (401 / 403
 * otherwise); a socket from another site's page gets 403.
 */
public final class WallboardSocket {
    private final UserService users;
    private final WallboardHub hub;

    public WallboardSocket(UserService users, WallboardHub hub) {
        this.users = users;
        this.hub = hub;
    }

    public void mount(Router router) {
        router.get("/wallboard").handler(ctx -> {
            if (ctx.request().path().equals("/wallboard")) ctx.redirect("/wallboard/");
            else ctx.next();
        });
        router.route("/wallboard/*")
                .handler(StaticHandler.create("webroot/wallboard").setCachingEnabled(false));
        router.get("/ws/wallboard").handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        if (!ctx.request().isEnded()) ctx.request().pause(); // an HTTP/2 or body-read request is not an upgrade
        if (!Api.sameOrigin(ctx)) {
            ctx.response().setStatusCode(403).end("cross-site WebSocket refused");
            return;
        }
        users.authenticate(Api.token(ctx))
                .onFailure(e -> ctx.response().setStatusCode(503).end("session store unavailable"))
                .onSuccess(session -> {
                    if (session.isEmpty()) {
                        ctx.response().setStatusCode(401).end("login required");
                        return;
                    }
                    if (!session.get().role().atLeast(Role.SUPERVISOR)) {
                        ctx.response().setStatusCode(403).end("the wallboard is for supervisors");
                        return;
                    }
                    if (!Api.wantsWebSocket(ctx)) return;
                    ctx.request().toWebSocket().onSuccess(hub::add).onFailure(e -> {
                        if (!ctx.response().ended())
                            ctx.response().setStatusCode(400).end();
                    });
                });
    }
}
