package org.callcenter.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.callcenter.config.AppConfig.HttpConfig;
import org.callcenter.metrics.Meters;
import org.callcenter.users.UserService;

/**
 * The HTTP server: body limit, access log, JSON errors, the session check in front of /api, and the
 * routes of every domain. One instance per event loop; SIGTERM closes it gracefully (stop accepting,
 * let in-flight requests finish).
 */
public final class WebVerticle extends VerticleBase {
    /** What the domains mount: public routes on the root router, API routes under /api behind auth. */
    public record Mounts(Consumer<Router> root, Consumer<Router> publicApi, Consumer<Router> api) {}

    private final HttpConfig config;
    private final Meters meters;
    private final UserService users;
    private final Mounts mounts;
    private HttpServer server;

    public WebVerticle(HttpConfig config, Meters meters, UserService users, Mounts mounts) {
        this.config = config;
        this.meters = meters;
        this.users = users;
        this.mounts = mounts;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        ErrorHandler errors = new ErrorHandler(meters);
        router.route().handler(new RequestLog());
        router.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
        mounts.root().accept(router);

        Router api = Router.router(vertx);
        mounts.publicApi().accept(api);
        api.route().handler(new AuthHandler(users));
        mounts.api().accept(api);
        api.route().failureHandler(errors);
        router.route("/api/*").subRouter(api);

        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(500, errors);

        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setCompressionSupported(true)
                // HTTP/1.1 only: an h2c upgrade garbled large replies (seen on /metrics); nothing here needs HTTP/2
                .setHttp2ClearTextEnabled(false));
        return server.requestHandler(router).listen();
    }

    @Override
    public Future<?> stop() {
        return server == null
                ? Future.succeededFuture()
                : server.shutdown(config.shutdownGraceSeconds(), TimeUnit.SECONDS);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
