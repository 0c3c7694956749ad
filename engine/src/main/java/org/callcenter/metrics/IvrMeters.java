package org.callcenter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The meters of the IVR and its FastAGI server, declared once (names {@code callcenter.ivr.*}). */
public final class IvrMeters {
    public static final String SESSIONS_OPEN = "callcenter.ivr.sessions.open";
    public static final String SESSIONS = "callcenter.ivr.sessions";
    public static final String SESSIONS_CLOSED = "callcenter.ivr.sessions.closed";
    public static final String NODE_ERRORS = "callcenter.ivr.node.errors";
    public static final String SCRIPT_LOADS = "callcenter.ivr.script.loads";
    public static final String SURVEYS = "callcenter.ivr.surveys";
    public static final String CALLBACKS = "callcenter.ivr.callbacks";
    public static final String TRACE_ERRORS = "callcenter.ivr.trace.errors";

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();

    public IvrMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(SESSIONS_OPEN, open, AtomicInteger::get)
                .description("FastAGI sessions (sockets) open now; returns to zero when calls end")
                .register(registry);
    }

    /** The registry these meters live in (for the IVR's other meter groups). */
    public MeterRegistry registry() {
        return registry;
    }

    public void socketOpened() {
        open.incrementAndGet();
    }

    /** why: session done, closed by peer, protocol fault, ... */
    public void socketClosed(String why) {
        open.decrementAndGet();
        Counter.builder(SESSIONS_CLOSED)
                .description("FastAGI sockets closed, by reason")
                .tag("reason", why.startsWith("socket error") ? "socket error" : why)
                .register(registry)
                .increment();
    }

    public int openSessions() {
        return open.get();
    }

    /** outcome: queued, transferred, hangup, caller_hangup, completed, unknown_script, error. */
    public void session(String script, String outcome) {
        Counter.builder(SESSIONS)
                .description("IVR sessions by script and how they ended")
                .tag("script", script)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void nodeError(String type) {
        Counter.builder(NODE_ERRORS)
                .description("IVR nodes that failed (the caller went to the operator)")
                .tag("type", type)
                .register(registry)
                .increment();
    }

    /** outcome: ok, invalid, removed. */
    public void scriptLoad(String outcome) {
        Counter.builder(SCRIPT_LOADS)
                .description("IVR script (re)loads")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void survey(int rating) {
        Counter.builder(SURVEYS)
                .description("Post-call survey ratings")
                .tag("rating", Integer.toString(rating))
                .register(registry)
                .increment();
    }

    /** source: ivr or survey. */
    public void callback(String source) {
        Counter.builder(CALLBACKS)
                .description("Call backs promised by the IVR")
                .tag("source", source)
                .register(registry)
                .increment();
    }

    public void traceError() {
        Counter.builder(TRACE_ERRORS)
                .description("IVR traces that could not be stored")
                .register(registry)
                .increment();
    }
}
