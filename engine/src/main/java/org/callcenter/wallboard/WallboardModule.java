package org.callcenter.wallboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.agents.AgentEvents;
import org.callcenter.calls.CallEvents;
import org.callcenter.calls.CallRecord;
import org.callcenter.common.Timers;
import org.callcenter.common.VertxTimers;
import org.callcenter.config.WallboardConfig;
import org.callcenter.metrics.WallboardMeters;
import org.callcenter.sla.SlaEvents;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoAgentRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoWallboardSource;
import org.callcenter.store.RedisStore;
import org.callcenter.users.UserService;
import org.callcenter.wallboard.WallboardSource.KeyWarningRow;
import org.callcenter.wallboard.WallboardSource.SmsFailureRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the wallboard: one {@link WallboardState} fed by event-bus events, seeded once from the
 * stores (agents, the month's key warnings, and the refreshed parts) and refreshed every {@code wallboard.refresh_seconds}
 * (return calls, SMS failures; the clocks every {@code wallboard.clocks_resync_seconds}, events keep them current)
 * by one timer, whatever the number of viewers. Changes are gathered for {@code push_after_millis},
 * rendered once and fanned out by the {@link WallboardHub}. Viewers never cause a store query.
 */
public final class WallboardModule {
    private static final Logger log = LoggerFactory.getLogger(WallboardModule.class);

    private final WallboardConfig config;
    private final WallboardSource source;
    private final WallboardMeters meters;
    private final Blocking blocking;
    private final Clock clock;
    private volatile Instant clocksReadAt;
    private final ZoneId zone;
    private final WallboardState state;
    private final WallboardHub hub;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Promise<Void> seeded = Promise.promise();
    private volatile LiveCalls liveCalls;
    private Context context;
    private Timers timers;
    private Long periodic;

    public WallboardModule(
            WallboardConfig config,
            WallboardSource source,
            WallboardMeters meters,
            Blocking blocking,
            Clock clock,
            ZoneId zone) {
        this.config = config;
        this.source = source;
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
        this.state = new WallboardState(config.maxRows());
        this.hub = new WallboardHub(meters, config.viewerQueueBytes());
    }

    /** The engine's wallboard over MongoDB (clocks, follow-ups, SMS) and the agents' Redis presence. */
    public static WallboardModule wire(
            WallboardConfig config,
            MongoStore mongo,
            RedisStore redis,
            MeterRegistry registry,
            Blocking blocking,
            Clock clock,
            ZoneId zone) {
        WallboardMeters meters = new WallboardMeters(registry);
        var source = new MongoWallboardSource(mongo, new MongoAgentRepository(mongo, redis), meters);
        return new WallboardModule(config, source, meters, blocking, clock, zone);
    }

    /** Where the calls in progress come from; they live in the call tracker, not in a store. */
    @FunctionalInterface
    public interface LiveCalls {
        /** Calls {@code seed} with the live calls, in order with the call events that follow. */
        void handTo(java.util.function.Consumer<java.util.List<CallRecord>> seed);
    }

    /** Seeds calls waiting and active at start (a restarted engine adopts them from Asterisk). */
    public void callsFrom(LiveCalls calls) {
        this.liveCalls = calls;
    }

    public void mount(Router root, UserService users) {
        new WallboardSocket(users, hub).mount(root);
    }

    /** Listens, seeds from the stores, then refreshes periodically; all on one context of its own. */
    public void start(Vertx vertx) {
        this.context = vertx.getOrCreateContext();
        this.timers = new VertxTimers(vertx);
        context.runOnContext(v -> {
            listen(vertx.eventBus());
            seedCalls();
            blocking.run(source::agents)
                    .onSuccess(state::agents)
                    .onFailure(e -> log.warn("wallboard could not read the agents: {}", e.toString()))
                    .transform(agents -> seedKeyWarnings()) // kept by quality; events bring only new ones
                    .transform(warnings -> refreshNow()) // clocks, return calls, SMS even without agents
                    .onComplete(ar -> {
                        if (ar.failed())
                            log.warn("wallboard seed failed: {}", ar.cause().toString());
                        seeded.tryComplete();
                    });
            periodic = timers.every(
                    config.refreshEvery(),
                    () -> refresh(clocksDue()).onFailure(e -> log.warn("wallboard refresh failed: {}", e.toString())));
        });
    }

    /** Completes once the first seed from the stores is done (or failed and was logged). */
    public Future<Void> seeded() {
        return seeded.future();
    }

    /**
     * Calls already waiting or active when the board starts (their OFFERED / ANSWERED events went out
     * before it listened, or never, for calls adopted at an AMI resync). Runs on the call tracker's
     * context, so the events of later changes arrive after it; the state is thread-safe.
     */
    private void seedCalls() {
        LiveCalls calls = liveCalls;
        if (calls == null) return;
        calls.handTo(all -> {
            int n = 0;
            for (CallRecord c : all) {
                if (c.status() == CallRecord.CallStatus.QUEUED) state.callOffered(c);
                else if (c.status() == CallRecord.CallStatus.ACTIVE) state.callAnswered(c);
                else continue;
                n++;
            }
            if (n > 0) changed();
        });
    }

    /**
     * The running month's key warnings from the store, so a restarted engine shows the ones raised
     * before it (live events add later ones). Seeded once; a failure is logged and the seed goes on.
     */
    private Future<Void> seedKeyWarnings() {
        String period = YearMonth.from(clock.instant().atZone(zone)).toString();
        return blocking.run(() -> source.keyWarnings(period))
                .onSuccess(rows -> {
                    rows.forEach(r -> state.keyWarning(keyWarning(r)));
                    if (!rows.isEmpty()) changed();
                })
                .onFailure(e -> log.warn("wallboard could not read the key warnings: {}", e.toString()))
                .mapEmpty();
    }

    /** The same fields as the quality domain's key-warning event. */
    static JsonObject keyWarning(KeyWarningRow r) {
        return new JsonObject()
                .put("product", r.product())
                .put("category", r.category())
                .put("route", r.route())
                .put("period", r.period())
                .put("count", r.count())
                .put("previous", r.previous())
                .put("at", r.at() == null ? null : r.at().toString());
    }

    /** Re-reads today's return calls, the clocks at risk or breached today and today's SMS failures. */
    public Future<Void> refreshNow() {
        return refresh(true);
    }

    /**
     * Whether the periodic refresh re-reads the clocks too: every {@code wallboard.clocks_resync_seconds}
     * only, since the SLA events keep them current and the read is a scan of every request on the
     * embedded store (at 1,000,000 requests it held the collection for ~22 s every refresh).
     */
    private boolean clocksDue() {
        Instant last = clocksReadAt;
        return last == null || !clock.instant().isBefore(last.plus(config.clocksResyncEvery()));
    }

    private Future<Void> refresh(boolean withClocks) {
        Instant now = clock.instant();
        if (withClocks) clocksReadAt = now;
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
        long asOf = state.version();
        return blocking.run(() -> {
                    var clocks = withClocks ? source.clocks(dayStart) : null;
                    var followups = source.followups(dayStart, dayEnd);
                    var sms = source.smsFailures(dayStart, config.maxRows());
                    state.refresh(clocks, followups, sms, asOf);
                    return null;
                })
                .<Void>mapEmpty()
                .onSuccess(v -> changed());
    }

    public WallboardState state() {
        return state;
    }

    public int viewers() {
        return hub.size();
    }

    private void listen(EventBus bus) {
        bus.<CallEvents.CallChanged>localConsumer(
                CallEvents.OFFERED, m -> on(() -> state.callOffered(m.body().call())));
        bus.<CallEvents.CallChanged>localConsumer(
                CallEvents.ANSWERED, m -> on(() -> state.callAnswered(m.body().call())));
        bus.<CallEvents.CallChanged>localConsumer(
                CallEvents.ENDED, m -> on(() -> state.callEnded(m.body().call())));
        bus.<AgentEvents.PresenceChanged>consumer(
                AgentEvents.PRESENCE,
                m -> on(() -> state.presence(m.body().username(), m.body().state())));
        bus.<SlaEvents.SlaWarned>consumer(SlaEvents.WARNED, m -> on(() -> state.warned(m.body())));
        bus.<SlaEvents.SlaBreached>consumer(SlaEvents.BREACHED, m -> on(() -> state.breached(m.body())));
        bus.<SlaEvents.ClockChanged>consumer(SlaEvents.CLOCK_CHANGED, m -> on(() -> state.clockChanged(m.body())));
        bus.consumer(
                WallboardEvents.SMS_FAILED,
                m -> on(() -> {
                    JsonObject j = WallboardEvents.json(m.body());
                    state.smsFailed(new SmsFailureRow(
                            j.getString("messageId"),
                            j.getString("template"),
                            j.getString("to"),
                            j.getInteger("errorCode"),
                            j.getString("status"),
                            WallboardEvents.instant(j, "at")));
                }));
        bus.consumer(WallboardEvents.KEY_WARNING, m -> on(() -> state.keyWarning(WallboardEvents.json(m.body()))));
        bus.consumer(
                WallboardEvents.FOLLOWUP_CHANGED,
                m -> on(() -> {
                    JsonObject j = WallboardEvents.json(m.body());
                    state.followupChanged(j.getString("followupId"), j.getString("status"));
                }));
    }

    /** Applies one event; a malformed one is logged and dropped, never stops the board. */
    private void on(Runnable apply) {
        try {
            apply.run();
            changed();
        } catch (RuntimeException e) {
            log.warn("wallboard ignored an event it could not read: {}", e.toString());
        }
    }

    /** Schedules one push for all changes arriving within {@code push_after_millis}. */
    private void changed() {
        if (!pending.compareAndSet(false, true)) return;
        long ms = config.pushAfter().toMillis();
        if (ms <= 0) context.runOnContext(v -> push());
        else timers.once(config.pushAfter(), () -> context.runOnContext(v -> push()));
    }

    private void push() {
        pending.set(false);
        long started = System.nanoTime();
        String frame = state.snapshot(clock.instant()).encode();
        hub.publish(frame);
        meters.pushed(Duration.ofNanos(System.nanoTime() - started));
    }

    public void close() {
        if (periodic != null && timers != null) timers.cancel(periodic);
    }
}
