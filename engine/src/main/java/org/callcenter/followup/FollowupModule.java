package org.callcenter.followup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.agents.AgentEvents;
import org.callcenter.agents.Presence;
import org.callcenter.common.Timers;
import org.callcenter.common.VertxTimers;
import org.callcenter.config.FollowupConfig;
import org.callcenter.metrics.FollowupMeters;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoFollowupRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.telephony.OriginateCall;
import org.callcenter.telephony.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires return calls: repository, rules, planner, service, coverage, routes; plans at start and then
 * every {@code followup.plan_every_minutes} (planning is idempotent, so overlapping or repeated runs,
 * also from several instances, change nothing twice). Records meters for planning and outcomes.
 */
public final class FollowupModule {
    private static final Logger log = LoggerFactory.getLogger(FollowupModule.class);

    private final FollowupRepository repository;
    private final FollowupPlanner planner;
    private final FollowupService service;
    private final FollowupCoverage coverage;
    private final FollowupDialling dialling;
    private final FollowupMeters meters;
    private final Blocking blocking;
    private final Clock clock;
    private final AtomicBoolean planning = new AtomicBoolean();
    private Timers timers;
    private Long periodic;

    FollowupModule(
            FollowupRepository repository,
            FollowupConfig config,
            BusinessCalendar calendar,
            FollowupMeters meters,
            FollowupDialling.Dialler dialler,
            Blocking blocking,
            Clock clock) {
        this.repository = repository;
        this.planner = new FollowupPlanner(repository, new FollowupRules(config, calendar), calendar, clock);
        this.service = new FollowupService(repository, config, calendar, clock);
        this.coverage = new FollowupCoverage(repository, calendar, clock);
        this.dialling = new FollowupDialling(service, repository, dialler, blocking);
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
    }

    public static FollowupModule wire(
            FollowupConfig config,
            BusinessCalendar calendar,
            MongoStore mongo,
            FollowupMeters meters,
            Telephony telephony,
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
        return new FollowupModule(
                new MongoFollowupRepository(mongo), config, calendar, meters, dialler, blocking, clock);
    }

    public FollowupRoutes routes() {
        return new FollowupRoutes(this, blocking);
    }

    /** Plans once now and then periodically; releases an agent's follow-ups when they go offline. */
    public void start(Vertx vertx, Duration every) {
        vertx.eventBus().<AgentEvents.PresenceChanged>consumer(AgentEvents.PRESENCE, m -> {
            if (m.body().state().state() != Presence.OFFLINE) return;
            String agent = m.body().username();
            blocking.run(() -> service.releaseOwnedBy(agent))
                    .onFailure(e -> log.warn("releasing follow-ups of {} failed: {}", agent, e.toString()));
        });
        Timers timers = new VertxTimers(vertx);
        planNow().onFailure(e -> log.warn("follow-up planning failed: {}", e.toString()));
        periodic = timers.every(
                every, () -> planNow().onFailure(e -> log.warn("follow-up planning failed: {}", e.toString())));
        this.timers = timers;
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
                    return changed;
                })
                .andThen(r -> planning.set(false));
    }

    FollowUp record(String id, String agent, Outcome outcome, Instant later, Map<String, String> answers, String note) {
        FollowUp f = service.record(id, agent, outcome, later, answers, note);
        meters.outcome(outcome.name());
        return f;
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

    public void close() {
        if (periodic != null && timers != null) timers.cancel(periodic);
    }
}
