package org.callcenter.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.callcenter.users.UserService;

/**
 * Every /api call needs a session: {@code Authorization: Bearer <token>} (scripts, the console's
 * fetch calls) or the {@code cc_session} cookie set at login (browsers). Anything else gets 401.
 */
final class AuthHandler implements Handler<RoutingContext> {
    private final UserService users;

    AuthHandler(UserService users) {
        this.users = users;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = Api.token(ctx);
        if (token == null) {
            ctx.fail(401);
            return;
        }
        users.authenticate(token)
                .onSuccess(session -> {
                    if (session.isEmpty()) {
                        ctx.fail(401);
                    } else {
                        ctx.put(Api.SESSION, session.get());
                        ctx.next();
                    }
                })
                .onFailure(ctx::fail);
    }
}
