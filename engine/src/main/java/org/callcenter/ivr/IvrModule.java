package org.callcenter.ivr;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callcenter.common.VertxTimers;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.telephony.agi.AgiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring of the IVR: loads the scripts, watches their folder, runs the FastAGI server. */
public final class IvrModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IvrModule.class);
    /** How often finished sessions' traces are written (one insertMany per period). */
    static final Duration TRACE_BATCH_EVERY = Duration.ofMillis(100);

    private final ScriptRegistry scripts;
    private final AgiServer server;
    private final TraceWriter traces;
    private final IvrService service;
    private final VertxTimers timers;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ivr-scripts").factory());

    public IvrModule(Vertx vertx, ScriptRegistry scripts, IvrRunner runner, IvrMeters meters, Duration replyTimeout) {
        this.scripts = scripts;
        this.service = runner.service();
        this.traces = service.traces();
        this.timers = new VertxTimers(vertx);
        this.server = new AgiServer(
                vertx,
                runner,
                new AgiServer.Observer() {
                    public void opened() {
                        meters.socketOpened();
                    }

                    public void closed(String why) {
                        meters.socketClosed(why);
                    }
                },
                replyTimeout);
    }

    /** Loads the scripts (blocking), polls the folder for changes, and listens; yields the AGI port. */
    public int start(String host, int port, Duration reloadEvery) throws Exception {
        int loaded = scripts.refresh();
        log.info(
                "IVR: {} scripts loaded from {}",
                loaded,
                scripts.folder().toAbsolutePath().normalize());
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        scripts.refresh();
                    } catch (RuntimeException e) {
                        log.warn("IVR: script reload failed: {}", e.toString());
                    }
                },
                reloadEvery.toMillis(),
                reloadEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        traces.start(timers, TRACE_BATCH_EVERY);
        int bound = server.start(host, port, Runtime.getRuntime().availableProcessors())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        log.info("FastAGI listening on {}:{}", host, bound);
        return bound;
    }

    public ScriptRegistry scripts() {
        return scripts;
    }

    /** Whether the business calendar is open now by the engine's clock (what business_hours nodes see). */
    public boolean openNow() {
        return service.openNow();
    }

    public int openSessions() {
        return server.openSessions();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("FastAGI server did not stop cleanly: {}", e.toString());
        }
        traces.close(); // sessions ended by the stop are queued too: written before the store closes
    }
}
