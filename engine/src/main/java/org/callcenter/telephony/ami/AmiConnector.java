package org.callcenter.telephony.ami;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.callcenter.calls.CallEvents.CallSignal;
import org.callcenter.common.Timers;
import org.callcenter.config.AppConfig.AmiConfig;
import org.callcenter.metrics.CallMeters;
import org.callcenter.telephony.AmiOwnership;
import org.callcenter.telephony.OriginateCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI connection: logs in with the configured credentials, hands every event (translated) to
 * {@code sink} at once, pings to find a dead socket within seconds, reconnects with backoff and
 * resyncs live calls after each (re)connect. Each connection attempt uses a fresh Asterisk-Java
 * connection; events from an older one are ignored, so a half-dead socket can never double events.
 * A failure here never stops the engine: it only shows in /health and the metrics.
 */
public final class AmiConnector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiConnector.class);

    public enum State {
        DISABLED,
        CONNECTING,
        CONNECTED,
        LOGIN_FAILED,
        DOWN,
        /** Another engine instance owns this Asterisk's AMI connection; this one takes over if it stops. */
        STANDBY,
        STOPPED
    }

    private final AmiConfig config;
    private final Consumer<CallSignal> sink;
    private final Timers timers;
    private final CallMeters meters;
    private final AmiTranslator translator;
    private final AmiOwnership ownership;
    private final String ownerId = java.util.UUID.randomUUID().toString();
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ami-", 0).factory());
    private final AtomicInteger generation = new AtomicInteger();
    private volatile State state = State.DOWN;
    private volatile String lastError = "";
    private volatile ManagerConnection current;
    private volatile long lastPongNanos;
    private volatile boolean everConnected;
    private int failures;
    private long keepaliveTimer = -1;

    public AmiConnector(
            AmiConfig config,
            AmiOwnership ownership,
            Consumer<CallSignal> sink,
            Timers timers,
            CallMeters meters,
            Clock clock) {
        this.ownership = ownership;
        this.config = config;
        this.sink = sink;
        this.timers = timers;
        this.meters = meters;
        this.translator = new AmiTranslator(clock);
        meters.amiConnected(this::connected);
    }

    public void start() {
        if (config.host().isBlank()) {
            state = State.DISABLED;
            log.info("AMI disabled (ami.host is empty)");
            return;
        }
        scheduleAttempt(Duration.ZERO);
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }

    /** Connected, or standing by while another instance owns the connection. */
    public boolean healthy() {
        return state == State.CONNECTED || state == State.STANDBY;
    }

    public State state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    /** Sends a synchronous Originate on the current connection; never fails, the result says why not. */
    public CompletableFuture<OriginateCall.Result> originate(OriginateCall call) {
        ManagerConnection c = current;
        if (state != State.CONNECTED || c == null)
            return CompletableFuture.completedFuture(new OriginateCall.Result(false, "AMI is " + state));
        return AmiOriginate.send(c, io, call);
    }

    private void scheduleAttempt(Duration delay) {
        if (state == State.STOPPED) return;
        timers.once(delay, () -> io.execute(this::attempt));
    }

    private void attempt() {
        if (state == State.STOPPED) return;
        if (!Boolean.TRUE.equals(own())) {
            if (state != State.STANDBY) log.info("AMI: another engine instance owns the connection; standing by");
            state = State.STANDBY;
            scheduleAttempt(period());
            return;
        }
        int gen = generation.incrementAndGet();
        state = State.CONNECTING;
        ManagerConnection c = new ManagerConnectionFactory(
                        config.host(), config.port(), config.username(), config.secret())
                .createManagerConnection();
        if (c instanceof ManagerConnectionImpl impl) {
            impl.setSocketTimeout(5000);
            impl.setDefaultResponseTimeout(5000);
        }
        c.addEventListener(event -> onEvent(gen, event));
        try {
            c.login();
        } catch (AuthenticationFailedException e) {
            failed(c, State.LOGIN_FAILED, "login refused: " + e.getMessage());
            meters.amiLoginFailure("refused");
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            failed(c, State.DOWN, "cannot connect to " + config.host() + ":" + config.port() + ": " + e.getMessage());
            meters.amiLoginFailure("unreachable");
            return;
        }
        synchronized (this) {
            if (gen != generation.get() || state == State.STOPPED) {
                io.execute(() -> logoff(c));
                return;
            }
            current = c;
            state = State.CONNECTED;
            lastError = "";
            failures = 0;
            lastPongNanos = System.nanoTime();
            keepaliveTimer = timers.every(period(), () -> io.execute(() -> keepalive(gen)));
        }
        if (everConnected) meters.amiReconnect();
        everConnected = true;
        log.info("AMI connected to {}:{} as {}", config.host(), config.port(), config.username());
        try {
            sink.accept(AmiResync.snapshot(c));
        } catch (Exception e) {
            meters.amiError("resync");
            lost(gen, "resync failed: " + e);
        }
    }

    private void failed(ManagerConnection c, State newState, String error) {
        logoff(c);
        synchronized (this) {
            if (state == State.STOPPED) return;
            state = newState;
            failures++;
        }
        if (!error.equals(lastError) || failures == 1) log.warn("AMI: {} (retrying with backoff)", error);
        lastError = error;
        scheduleAttempt(backoff());
    }

    private Duration backoff() {
        long ms = 500L << Math.min(10, Math.max(0, failures - 1));
        return Duration.ofMillis(Math.min(ms, config.reconnectMaxSeconds() * 1000L));
    }

    private void onEvent(int gen, ManagerEvent event) {
        if (gen != generation.get()) return;
        if (event instanceof DisconnectEvent) {
            lost(gen, "connection closed by Asterisk");
            return;
        }
        if (event instanceof ConnectEvent) return;
        CallSignal signal;
        try {
            signal = translator.translate(event, System.nanoTime());
        } catch (RuntimeException e) {
            meters.amiEvent("invalid");
            log.debug("AMI {} event unusable: {}", event.getClass().getSimpleName(), e.getMessage());
            return;
        }
        if (signal == null) meters.amiEvent("ignored");
        else sink.accept(signal);
    }

    private void keepalive(int gen) {
        ManagerConnection c = current;
        if (c == null || gen != generation.get()) return;
        if (Boolean.FALSE.equals(own())) { // a Redis error (null) keeps what we have
            lost(gen, "another engine instance took over the AMI connection");
            return;
        }
        long silentMs = (System.nanoTime() - lastPongNanos) / 1_000_000;
        if (silentMs > 2_000L * Math.max(1, config.keepaliveSeconds()) + 500) {
            meters.amiError("keepalive");
            lost(gen, "no answer to Ping for " + silentMs + " ms");
            return;
        }
        try {
            c.sendAction(new PingAction(), response -> lastPongNanos = System.nanoTime());
        } catch (IOException | RuntimeException e) {
            lost(gen, "Ping failed: " + e.getMessage());
        }
    }

    /** True: this instance owns the connection; false: another does; null: cannot tell (Redis down). */
    private Boolean own() {
        try {
            return ownership.acquireOrRenew(ownerId, period().multipliedBy(3).plusSeconds(1));
        } catch (RuntimeException e) {
            log.debug("AMI ownership lease unreadable: {}", e.toString());
            return null;
        }
    }

    private Duration period() {
        return Duration.ofSeconds(Math.max(1, config.keepaliveSeconds()));
    }

    private void lost(int gen, String reason) {
        ManagerConnection old;
        synchronized (this) {
            if (gen != generation.get() || state == State.STOPPED) return;
            generation.incrementAndGet();
            old = current;
            current = null;
            state = State.DOWN;
            lastError = reason;
            if (keepaliveTimer >= 0) timers.cancel(keepaliveTimer);
            keepaliveTimer = -1;
            failures = 0;
        }
        meters.amiError("socket");
        log.warn("AMI connection lost: {}; reconnecting", reason);
        if (old != null) io.execute(() -> logoff(old));
        scheduleAttempt(backoff());
    }

    private static void logoff(ManagerConnection c) {
        try {
            c.logoff();
        } catch (RuntimeException e) {
            // already closed or never logged in: nothing to release
        }
    }

    @Override
    public void close() {
        ManagerConnection c;
        synchronized (this) {
            state = State.STOPPED;
            generation.incrementAndGet();
            if (keepaliveTimer >= 0) timers.cancel(keepaliveTimer);
            c = current;
            current = null;
        }
        if (c != null) logoff(c);
        try {
            ownership.release(ownerId);
        } catch (RuntimeException e) {
            // the lease expires by itself
        }
        io.shutdownNow();
    }
}
