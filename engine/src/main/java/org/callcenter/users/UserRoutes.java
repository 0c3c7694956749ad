package org.callcenter.users;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import java.util.Map;
import org.callcenter.common.UnauthorizedException;
import org.callcenter.metrics.Meters;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** Login, logout, who am I, and user management (admins). */
public final class UserRoutes {
    private final UserService service;
    private final Meters meters;
    private final boolean secureCookies;

    /** {@code secureCookies}: mark the session cookie Secure (when the public URL is https). */
    public UserRoutes(UserService service, Meters meters, boolean secureCookies) {
        this.service = service;
        this.meters = meters;
        this.secureCookies = secureCookies;
    }

    /** Routes reachable without a session. */
    public void mountPublic(Router api) {
        api.post("/v1/auth/login")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("username", "password");
                    String username = in.requiredString("username", 100);
                    String password = in.requiredSecret("password", 200);
                    in.validate();
                    return service.login(username, password).compose(login -> {
                        if (login == null) {
                            meters.login("failure");
                            return Future.failedFuture(new UnauthorizedException("wrong username or password"));
                        }
                        meters.login("success");
                        ctx.response().addCookie(sessionCookie(login.token(), login.ttlSeconds()));
                        return Future.succeededFuture(Map.of(
                                "token", login.token(),
                                "username", login.session().username(),
                                "role", login.session().role(),
                                "expiresAt", login.session().expiresAt()));
                    });
                }));
    }

    /** Routes behind the session check. */
    public void mount(Router api) {
        api.post("/v1/auth/logout")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    String token = Api.token(ctx);
                    ctx.response().addCookie(sessionCookie("", 0));
                    return service.logout(token).map(v -> Map.of("loggedOut", true));
                }));
        api.get("/v1/auth/me").handler(ctx -> Api.json(ctx, 200, Api.session(ctx)));
        api.get("/v1/users")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    Api.requireRole(ctx, Role.ADMIN);
                    return service.all();
                }));
        api.post("/v1/users")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    Api.requireRole(ctx, Role.ADMIN);
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("username", "displayName", "role", "password");
                    String username = in.requiredString("username", 40);
                    String displayName = in.optionalString("displayName", 200).orElse(username);
                    Role role = in.requiredEnum("role", Role.class);
                    String password = in.requiredSecret("password", 200);
                    in.validate();
                    return service.create(username, displayName, role, password);
                }));
    }

    private Cookie sessionCookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(Api.SESSION_COOKIE, value)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secureCookies)
                .setPath("/")
                .setMaxAge(maxAgeSeconds);
    }
}
