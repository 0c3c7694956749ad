package org.callcenter.followup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.agents.AgentEvents;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;
import org.callcenter.common.Timers;
import org.callcenter.common.VertxTimers;
import org.callcenter.config.FollowupConfig;
import org.callcenter.metrics.FollowupDialMeters;
import org.callcenter.metrics.FollowupMeters;
import org.callcenter.screenpop.ScreenPopEvents;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.ScheduledTicker;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoFollowupRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.RedisLeaseIndex;
import org.callcenter.store.RedisStore;
import org.callcenter.telephony.OriginateCall;
import org.callcenter.telephony.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires return calls: repository (MongoDB, with timers on the durable timer engine and change events),
 * rules, planner, service, coverage, answers, progressive dialling, routes. Plans at start and then
 * every {@code followup.plan_every_minutes} (idempotent, also across instances); plans one customer at
 * once when a visit ends ({@code callcenter.visits.departed}) or a delivery is recorded; polls due
 * follow-up timers (release to anyone; progressive dial only on the instance holding the AMI link).
 */
public final class FollowupModule {
    private static final Logger log = LoggerFactory.getLogger(FollowupModule.class);

    private final FollowupRepository repository;
    private final FollowupPlanner planner;
    private final FollowupService service;
    private final FollowupCoverage coverage;
    private final FollowupDialling dialling;
    private final FollowupSchedule schedule;
    private final FollowupIntake intake;
    private final FollowupMeters meters;
    private final FollowupDialMeters dialMeters;
    private final FollowupConfig config;
    private final BusinessCalendar calendar;
    private final Vertx vertx;
    private final Blocking blocking;
    private final Clock clock;
    private final AtomicBoolean planning = new AtomicBoolean();
    private final ScheduledTicker ticker = new ScheduledTicker("followup");
    private ProgressiveDialler progressive;
    private ProgressiveDialler.AgentDirectory agents;
    private java.util.function.BooleanSupplier canDial = () -> false;
    private Timers timers;
    private Long periodic;

    FollowupModule(
            FollowupRepository store,
            FollowupSchedule schedule,
            FollowupConfig config,
            BusinessCalendar calendar,
            FollowupMeters meters,
            FollowupDialMeters dialMeters,
            org.callcenter.metrics.FollowupCoverageMeters coverageMeters,
            FollowupDialling.Dialler dialler,
            org.callcenter.sla.ClockLock lock,
            Vertx vertx,
            Blocking blocking,
            Clock clock) {
        this.repository = new ScheduledFollowups(
                store, schedule, e -> vertx.eventBus().publish(FollowupEvents.CHANGED, e), clock);
        this.schedule = schedule;
        this.planner = new FollowupPlanner(repository, new FollowupRules(config, calendar), calendar, clock);
        this.intake = new FollowupIntake(repository, planner, clock);
        this.service = new FollowupService(repository, config, calendar, clock, lock);
        this.coverage = new FollowupCoverage(
                repository,
                calendar,
                clock,
                r -> coverageMeters.report(
                        r.withoutQuarterlyCall().size(),
                        r.overdueFirstInstallation().size(),
                        r.visitsWithoutReturnVisit().size()));
        this.dialling = new FollowupDialling(service, repository, dialler, blocking);
        this.meters = meters;
        this.dialMeters = dialMeters;
        this.config = config;
        this.calendar = calendar;
        this.vertx = vertx;
        this.blocking = blocking;
        this.clock = clock;
    }

    public static FollowupModule wire(
            FollowupConfig config,
            BusinessCalendar calendar,
            MongoStore mongo,
            RedisStore redis,
            FollowupMeters meters,
            FollowupDialMeters dialMeters,
            org.callcenter.metrics.FollowupCoverageMeters coverageMeters,
            Telephony telephony,
            AgentService agentService,
            Vertx vertx,
            Blocking blocking,
            Clock clock) {
        FollowupConfig.Dial dial = config.dial();
        FollowupDialling.Dialler dialler = (extension, number) -> telephony
                .originate(new OriginateCall(
                        dial.channel().replace("{extension}", extension),
                        dial.context(),
                        number,
                        extension,
                        dial.timeout()))
                .thenApply(r -> new FollowupDialling.Dialled(r.ok(), r.message()));
        FollowupSchedule schedule = new FollowupSchedule(
                new RedisLeaseIndex(redis, "followup:timers:dial"),
                new RedisLeaseIndex(redis, "followup:timers:release"),
                clock,
                config.timers().lease());
        FollowupModule module = new FollowupModule(
                new MongoFollowupRepository(mongo),
                schedule,
                config,
                calendar,
                meters,
                dialMeters,
                coverageMeters,
                dialler,
                new org.callcenter.store.RedisClockLock(
                        redis, "followup:lock:", Duration.ofSeconds(10), Duration.ofSeconds(5)),
                vertx,
                blocking,
                clock);
        module.agents = new FollowupAgents(
                agentService,
                new org.callcenter.store.RedisClockLock(
                        redis, "followup:agent-lock:", Duration.ofSeconds(10), Duration.ofSeconds(2)));
        module.canDial = telephony::connected;
        module.progressive = new ProgressiveDialler(
                module.service,
                module.repository,
                schedule,
                module.agents,
                (channel, context, exten, callerId, timeout) -> telephony
                        .originate(new OriginateCall(channel, context, exten, callerId, timeout))
                        .thenApply(r -> new FollowupDialling.Dialled(r.ok(), r.message())),
                (agent, pop) -> vertx.eventBus().publish(ScreenPopEvents.agent(agent), pop.encode()),
                config.progressive(),
                dialMeters,
                clock);
        return module;
    }

    public FollowupRoutes routes() {
        return new FollowupRoutes(this, blocking);
    }

    /** Plans once now and then periodically; listens for departures and presence; polls timers. */
    public void start(Duration every) {
        vertx.eventBus().<AgentEvents.PresenceChanged>consumer(AgentEvents.PRESENCE, m -> {
            if (m.body().state().state() != Presence.OFFLINE) return;
            String agent = m.body().username();
            blocking.run(() -> service.releaseOwnedBy(agent))
                    .onFailure(e -> log.warn("releasing follow-ups of {} failed: {}", agent, e.toString()));
        });
        vertx.eventBus().<Object>consumer(FollowupEvents.VISIT_DEPARTED, m -> {
            JsonObject e = FollowupIntake.asJson(m.body());
            if (e != null)
                blocking.run(() -> intake.departed(e))
                        .onFailure(x -> log.warn("visit departure not planned: {}", x.toString()));
        });
        Timers timers = new VertxTimers(vertx);
        planNow().onFailure(e -> log.warn("follow-up planning failed: {}", e.toString()));
        periodic = timers.every(
                every, () -> planNow().onFailure(e -> log.warn("follow-up planning failed: {}", e.toString())));
        this.timers = timers;
        Thread.ofVirtual().name("followup-rebuild").start(() -> {
            try {
                log.info("follow-ups: {} timers re-indexed from MongoDB", schedule.rebuild(repository.open()));
            } catch (RuntimeException e) {
                log.error("follow-ups: timer rebuild failed; restart to retry: {}", e.toString());
            }
        });
        ticker.every(config.timers().poll(), this::pollOnce);
    }

    /** One poll of the follow-up timers (blocking; the ticker's thread). */
    void pollOnce() {
        dialMeters.fired(
                "release",
                schedule.pollOnce(FollowupTimer.Kind.RELEASE, t -> service.releaseExpired(t.followupId(), t.due())));
        // only the instance holding the AMI connection dials; the others leave DIAL timers in the index
        if (config.progressive().enabled() && canDial.getAsBoolean())
            dialMeters.fired("dial", schedule.pollOnce(FollowupTimer.Kind.DIAL, progressive));
        else if (!config.progressive().enabled())
            schedule.pollOnce(FollowupTimer.Kind.DIAL, t -> false); // due: shown in the agents' lists
        dialMeters.pending(schedule.size(FollowupTimer.Kind.DIAL) + schedule.size(FollowupTimer.Kind.RELEASE));
    }

    /** Plans every customer (skipped while a run is still going); the number of follow-ups changed. */
    public Future<Integer> planNow() {
        if (!planning.compareAndSet(false, true)) return Future.succeededFuture(0);
        return blocking.run(() -> {
                    Instant started = clock.instant();
                    int changed = planner.planAll();
                    meters.planned(
                            changed,
                            Duration.between(started, clock.instant()),
                            repository.open().size());
                    coverage.report(); // refreshes the coverage gauges
                    return changed;
                })
                .andThen(r -> planning.set(false));
    }

    FollowUp record(String id, String agent, Outcome outcome, Instant later, Map<String, String> answers, String note) {
        FollowUp f = service.record(id, agent, outcome, later, answers, note);
        meters.outcome(outcome.name());
        try {
            if (agents != null) agents.free(agent, ProgressiveDialler.callId(id)); // a progressive call ends
        } catch (RuntimeException e) {
            log.debug("{} has no agent presence to free: {}", agent, e.toString());
        }
        return f;
    }

    /** Records a delivery and plans its follow-up at once; NotFound for an unknown customer. */
    Delivery deliver(
            String customerId, String installationId, String product, Instant at, String reference, String by) {
        return intake.deliver(customerId, installationId, product, at, reference, by);
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }

    Instant now() {
        return clock.instant();
    }

    FollowupPlanner planner() {
        return planner;
    }

    FollowupRepository repository() {
        return repository;
    }

    public FollowupService service() {
        return service;
    }

    public FollowupDialling dialling() {
        return dialling;
    }

    public FollowupCoverage coverage() {
        return coverage;
    }

    public FollowupSchedule schedule() {
        return schedule;
    }

    public void close() {
        if (periodic != null && timers != null) timers.cancel(periodic);
        ticker.close();
        schedule.close();
    }
}
