package org.callcenter.screenpop;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;
import org.callcenter.metrics.CallMeters;
import org.callcenter.users.Role;
import org.callcenter.users.Session;
import org.callcenter.users.UserService;
import org.callcenter.web.Api;

/**
 * {@code GET /ws/agent}: the console's live channel. Authenticated like the API (the HttpOnly
 * session cookie, or a bearer token) before the upgrade; anything else gets 401 and no socket. A
 * socket from another site's page (Origin not this host) gets 403. Each socket hears only its own
 * agent's address; supervisors may add {@code ?watch=all}.
 */
public final class ScreenPopSocket {
    private final UserService users;
    private final AgentService agents;
    private final CallMeters meters;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> perAgent = new ConcurrentHashMap<>();

    public ScreenPopSocket(UserService users, AgentService agents, CallMeters meters) {
        this.users = users;
        this.agents = agents;
        this.meters = meters;
        meters.sockets(open::get);
    }

    public void mount(Router router) {
        router.get("/ws/agent").handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        ctx.request().pause();
        if (!Api.sameOrigin(ctx)) {
            meters.socketRefused("origin");
            ctx.response().setStatusCode(403).end("cross-site WebSocket refused");
            return;
        }
        users.authenticate(Api.token(ctx))
                .onFailure(e -> ctx.response().setStatusCode(503).end("session store unavailable"))
                .onSuccess(session -> {
                    if (session.isEmpty()) {
                        meters.socketRefused("unauthenticated");
                        ctx.response().setStatusCode(401).end("login required");
                        return;
                    }
                    if (!Api.wantsWebSocket(ctx)) return;
                    boolean watchAll = "all".equals(ctx.queryParams().get("watch"))
                            && session.get().role().atLeast(Role.SUPERVISOR);
                    ctx.request()
                            .toWebSocket()
                            .onSuccess(ws -> attach(ctx.vertx(), ws, session.get(), watchAll))
                            .onFailure(e -> {
                                if (!ctx.response().ended())
                                    ctx.response().setStatusCode(400).end();
                            });
                });
    }

    private void attach(Vertx vertx, ServerWebSocket ws, Session session, boolean watchAll) {
        String username = session.username();
        List<MessageConsumer<String>> consumers = new ArrayList<>();
        consumers.add(vertx.eventBus().<String>consumer(ScreenPopEvents.agent(username), m -> send(ws, m.body())));
        if (watchAll)
            consumers.add(vertx.eventBus().<String>consumer(ScreenPopEvents.SUPERVISORS, m -> send(ws, m.body())));
        open.incrementAndGet();
        perAgent.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
        agents.transition(username, List.of(Presence.OFFLINE), Presence.AVAILABLE, null);
        io.vertx.core.Future<?> ready = io.vertx.core.Future.all(
                consumers.stream().map(MessageConsumer::completion).toList());
        ready.onComplete(ar -> send(
                ws,
                new JsonObject()
                        .put("type", "hello")
                        .put("username", username)
                        .put("role", session.role().name().toLowerCase())
                        .put("agentInterface", agents.interfaceOf(username))
                        .put("watching", watchAll ? "all" : "mine")
                        .encode()));
        ws.textMessageHandler(text -> {
            if ("ping".equals(text)) send(ws, "{\"type\":\"pong\"}");
        });
        ws.closeHandler(v -> {
            consumers.forEach(MessageConsumer::unregister);
            open.decrementAndGet();
            if (perAgent.get(username).decrementAndGet() == 0)
                agents.transition(username, List.of(Presence.AVAILABLE, Presence.AWAY), Presence.OFFLINE, null);
        });
    }

    private static void send(ServerWebSocket ws, String text) {
        if (!ws.isClosed() && !ws.writeQueueFull()) ws.writeTextMessage(text);
    }
}
