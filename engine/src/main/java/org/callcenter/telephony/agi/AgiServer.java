package org.callcenter.telephony.agi;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FastAGI server: a Vert.x {@code NetServer} per event loop on {@code agi.port}, every socket an
 * {@link AgiConnection}. No thread per call, so ten thousand sessions waiting on callers cost only
 * their sockets and a few objects (see the benchmark in the README).
 */
public final class AgiServer {
    /** Notified when sessions open and close (metrics). */
    public interface Observer {
        void opened();

        void closed(String why);

        Observer NONE = new Observer() {
            public void opened() {}

            public void closed(String why) {}
        };
    }

    private final Vertx vertx;
    private final long replyTimeoutMillis;
    private final AgiHandler handler;
    private final Observer observer;
    private final AtomicInteger open = new AtomicInteger();
    private volatile int port;
    private String deploymentId;

    public AgiServer(Vertx vertx, AgiHandler handler, Observer observer) {
        this(vertx, handler, observer, java.time.Duration.ofMinutes(10));
    }

    /** {@code replyTimeout}: a command unanswered this long means the peer is gone (zero = wait forever). */
    public AgiServer(Vertx vertx, AgiHandler handler, Observer observer, java.time.Duration replyTimeout) {
        this.replyTimeoutMillis = replyTimeout.toMillis();
        this.vertx = vertx;
        this.handler = handler;
        this.observer = observer;
    }

    /** Listens on {@code host:port} (port 0 = a free one) with one server per event loop; yields the port. */
    public Future<Integer> start(String host, int requestedPort, int instances) {
        // instances on a fixed port share one listening socket; a free port (0, tests) gets one
        // listener, because port-0 listeners are not reliably shared
        return deploy(host, requestedPort, requestedPort == 0 ? 1 : instances);
    }

    private Future<Integer> deploy(String host, int fixedPort, int instances) {
        AtomicInteger bound = new AtomicInteger(fixedPort);
        return vertx.deployVerticle(
                        () -> new Listener(host, bound), new DeploymentOptions().setInstances(Math.max(1, instances)))
                .map(id -> {
                    deploymentId = id;
                    port = bound.get();
                    return port;
                });
    }

    public int port() {
        return port;
    }

    public int openSessions() {
        return open.get();
    }

    public Future<Void> stop() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }

    private final class Listener extends VerticleBase {
        private final String host;
        private final AtomicInteger port;

        Listener(String host, AtomicInteger port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            NetServer server = vertx.createNetServer(new NetServerOptions()
                    .setHost(host)
                    .setPort(port.get())
                    .setTcpNoDelay(true)
                    .setTcpKeepAlive(true)
                    .setAcceptBacklog(4096));
            server.connectHandler(socket -> new AgiConnection(
                            vertx, replyTimeoutMillis, socket, handler, new AgiConnection.Listener() {
                                public void opened() {
                                    open.incrementAndGet();
                                    observer.opened();
                                }

                                public void closed(String why) {
                                    open.decrementAndGet();
                                    observer.closed(why);
                                }
                            })
                    .start());
            return server.listen().map(s -> {
                port.set(s.actualPort());
                return s;
            });
        }
    }
}
