package org.callcenter.screenpop;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The agent console: static page, script and style at /agent/, and its WebSocket at /ws/agent. */
public final class AgentConsole {
    private final ScreenPopSocket socket;

    public AgentConsole(ScreenPopSocket socket) {
        this.socket = socket;
    }

    public void mount(Router router) {
        router.get("/agent").handler(ctx -> {
            if (ctx.request().path().equals("/agent")) ctx.redirect("/agent/");
            else ctx.next(); // Vert.x matches "/agent/" here too
        });
        router.route("/agent/*").handler(StaticHandler.create("webroot/agent").setCachingEnabled(false));
        socket.mount(router);
    }
}
