package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Meters of the telephony edge, live calls and screen-pops ({@code callcenter.ami.*},
 * {@code callcenter.calls.*}, {@code callcenter.screenpop.*}). Counters are cached per tag so the
 * hot path (thousands of AMI events a second) does not rebuild them.
 */
public final class CallMeters {
    public static final String AMI_EVENTS = "callcenter.ami.events";
    public static final String AMI_ERRORS = "callcenter.ami.errors";
    public static final String AMI_CONNECTED = "callcenter.ami.connected";
    public static final String AMI_RECONNECTS = "callcenter.ami.reconnects";
    public static final String AMI_LOGIN_FAILURES = "callcenter.ami.login.failures";
    public static final String AMI_RESYNCS = "callcenter.ami.resyncs";
    public static final String CALLS_OFFERED = "callcenter.calls.offered";
    public static final String CALLS_ENDED = "callcenter.calls.ended";
    public static final String CALLS_WAIT = "callcenter.calls.wait";
    public static final String CALLS_TALK = "callcenter.calls.talk";
    public static final String CALLS_LIVE = "callcenter.calls.live";
    public static final String CALLS_CALLBACKS = "callcenter.calls.callbacks.created";
    public static final String CALLS_STORE_ERRORS = "callcenter.calls.store.errors";
    public static final String POPS_SENT = "callcenter.screenpop.sent";
    public static final String POPS_LATENCY = "callcenter.screenpop.latency";
    public static final String POPS_SOCKETS = "callcenter.screenpop.websockets";
    public static final String POPS_REFUSED = "callcenter.screenpop.websockets.refused";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer popLatency;
    private final Timer waitTime;
    private final Timer talkTime;

    public CallMeters(MeterRegistry registry) {
        this.registry = registry;
        this.popLatency = Timer.builder(POPS_LATENCY)
                .description("From the AMI event (AgentCalled/DialBegin) reaching the engine to the pop leaving it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.waitTime = Timer.builder(CALLS_WAIT)
                .description("Queue wait of answered and abandoned calls")
                .register(registry);
        this.talkTime = Timer.builder(CALLS_TALK)
                .description("Talk time of answered calls")
                .register(registry);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(
                name + '|' + value,
                k -> Counter.builder(name)
                        .description(description)
                        .tag(tag, value)
                        .register(registry));
    }

    /** kind: applied (translated and handed to the call tracker), ignored (not needed), duplicate, invalid. */
    public void amiEvent(String kind) {
        counter(AMI_EVENTS, "AMI events received, by what the engine did with them", "kind", kind)
                .increment();
    }

    /** kind: translate, apply, resync, keepalive, socket. */
    public void amiError(String kind) {
        counter(AMI_ERRORS, "AMI problems survived (bad events, lost sockets, failed resyncs)", "kind", kind)
                .increment();
    }

    public void amiReconnect() {
        counter(AMI_RECONNECTS, "AMI connections re-established after a loss", "result", "connected")
                .increment();
    }

    public void amiLoginFailure(String reason) {
        counter(AMI_LOGIN_FAILURES, "AMI logins refused or failed", "reason", reason)
                .increment();
    }

    /** result: consistent or restarted (Asterisk restarted while we were away). */
    public void amiResync(String result) {
        counter(AMI_RESYNCS, "Live-call resyncs after (re)connecting", "result", result)
                .increment();
    }

    public void amiConnected(Supplier<Boolean> up) {
        Gauge.builder(AMI_CONNECTED, () -> up.get() ? 1 : 0)
                .description("1 while the AMI connection is logged in")
                .register(registry);
    }

    public void liveCalls(Supplier<Number> live) {
        Gauge.builder(CALLS_LIVE, () -> live.get().doubleValue())
                .description("Calls in progress")
                .register(registry);
    }

    public void callOffered(String queue) {
        counter(CALLS_OFFERED, "Calls offered to a queue", "queue", queue).increment();
    }

    public void callEnded(String outcome, Duration wait, Duration talk) {
        counter(CALLS_ENDED, "Calls ended, by outcome", "outcome", outcome).increment();
        if (wait != null) waitTime.record(wait);
        if (talk != null) talkTime.record(talk);
    }

    public void callbackCreated() {
        counter(CALLS_CALLBACKS, "Call-back tasks created for unanswered calls", "source", "abandoned")
                .increment();
    }

    public void callStoreError(String op) {
        counter(CALLS_STORE_ERRORS, "Call-record writes that failed", "op", op).increment();
    }

    /** caller: known, unknown or withheld. */
    public void popSent(String caller, long nanos) {
        counter(POPS_SENT, "Screen-pops pushed to agents", "caller", caller).increment();
        popLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void sockets(Supplier<Number> open) {
        Gauge.builder(POPS_SOCKETS, () -> open.get().doubleValue())
                .description("Agent-console WebSockets open on this instance")
                .register(registry);
    }

    /** reason: unauthenticated, origin. */
    public void socketRefused(String reason) {
        counter(POPS_REFUSED, "Agent-console WebSockets refused", "reason", reason)
                .increment();
    }
}
