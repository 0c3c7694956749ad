package org.callcenter.sla;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.config.SlaConfig;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Region;
import org.callcenter.metrics.SlaMeters;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decisions about SLA clocks: lifecycle reconciliation, clocks started and stopped by name, views. */
public final class SlaService {
    private static final Logger log = LoggerFactory.getLogger(SlaService.class);
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final ClockPlanner planner;
    private final SlaConfig config;
    private final ClockRepository clocks;
    private final ClockLock lock;
    private final SlaTimers timers;
    private final ClockStats stats;
    private final TicketRepository tickets;
    private final CustomerRepository customers;
    private final EventPublisher events;
    private final SlaMeters meters;
    private final Blocking blocking;
    private final Clock clock;
    private final LifecycleRules rules;

    public SlaService(
            ClockPlanner planner,
            SlaConfig config,
            ClockRepository clocks,
            ClockLock lock,
            SlaTimers timers,
            ClockStats stats,
            TicketRepository tickets,
            CustomerRepository customers,
            EventPublisher events,
            SlaMeters meters,
            Blocking blocking,
            Clock clock) {
        this.planner = planner;
        this.config = config;
        this.clocks = clocks;
        this.lock = lock;
        this.timers = timers;
        this.stats = stats;
        this.tickets = tickets;
        this.customers = customers;
        this.events = events;
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
        this.rules = new LifecycleRules(planner, (name, at) -> startClock(name, at, null, null));
    }

    public ClockPlanner planner() {
        return planner;
    }

    /** Brings the lifecycle clocks in line with the stored request. Blocking. */
    public void reconcile(String number) {
        Ticket t = tickets.find(number).orElse(null);
        if (t == null) return;
        Map<ClockName, SlaClock> current = clocks.find(number);
        for (LifecycleRules.Op op : rules.reconcile(t, current == null ? Map.of() : current))
            change(number, op.clock(), op.apply());
    }

    public Future<Void> reconcileAsync(String number) {
        return blocking.run(() -> {
            reconcile(number);
            return null;
        });
    }

    public Future<Map<String, ClockView>> views(String number) {
        return blocking.run(() -> {
            Map<ClockName, SlaClock> all = clocks.find(number);
            if (all == null) throw new NotFoundException("no service request " + number);
            return views(all);
        });
    }

    /** The views of clocks read together with their request (no store call; the IVR's status look-up). */
    public Map<String, ClockView> views(Map<ClockName, SlaClock> all) {
        Instant now = clock.instant();
        Map<String, ClockView> out = new LinkedHashMap<>();
        all.values().forEach(c -> out.put(c.name().key(), ClockView.of(c, planner, now)));
        return out;
    }

    /** Starts (or restarts) a clock by name: complaints, on-site arrival, agreed appointment. */
    public Future<ClockView> start(SlaEvents.StartClock cmd) {
        Instant at = instant(cmd.at());
        if (cmd.clock().lifecycle())
            throw InvalidInputException.unprocessable("clock", cmd.clock().key() + " follows the request's lifecycle");
        if (cmd.clock() == ClockName.APPOINTMENT
                && (cmd.agreedAt() == null || !cmd.agreedAt().isAfter(at)))
            throw InvalidInputException.of("agreedAt", "the agreed time is required and must be after the start");
        return blocking.run(() -> {
            Ticket t = tickets.find(cmd.ticket())
                    .orElseThrow(() -> new NotFoundException("no service request " + cmd.ticket()));
            Region region = cmd.region();
            if (cmd.clock() == ClockName.ONSITE_ARRIVAL && region == null)
                region = t.customerId() == null
                        ? null
                        : customers
                                .findById(t.customerId())
                                .map(c -> c.region())
                                .orElse(null);
            if (cmd.clock() == ClockName.ONSITE_ARRIVAL && region == null)
                throw InvalidInputException.of("region", "the request has no customer with a region; give one");
            SlaClock started = startClock(cmd.clock(), at, region, cmd.agreedAt());
            return view(
                    change(cmd.ticket(), cmd.clock(), c -> Optional.of(started)).orElseThrow());
        });
    }

    public Future<ClockView> stop(SlaEvents.StopClock cmd) {
        return transition(cmd.ticket(), cmd.clock(), "stop", c -> planner.stop(c, instant(cmd.at())));
    }

    public Future<ClockView> pause(String ticket, ClockName name, Instant at) {
        return transition(ticket, name, "pause", c -> planner.pause(c, instant(at)));
    }

    public Future<ClockView> resume(String ticket, ClockName name, Instant at) {
        return transition(ticket, name, "resume", c -> planner.resume(c, instant(at)));
    }

    private Future<ClockView> transition(
            String ticket, ClockName name, String what, Function<SlaClock, Optional<SlaClock>> f) {
        return blocking.run(() -> {
            Map<ClockName, SlaClock> all = clocks.find(ticket);
            if (all == null) throw new NotFoundException("no service request " + ticket);
            if (!all.containsKey(name))
                throw new NotFoundException("request " + ticket + " has no " + name.key() + " clock");
            Optional<SlaClock> changed = change(ticket, name, c -> f.apply(c));
            if (changed.isEmpty())
                log.info(
                        "ignored out-of-order clock event: {} of {} on {} in state {}",
                        what,
                        name.key(),
                        ticket,
                        all.get(name).state().name().toLowerCase());
            return view(changed.orElseGet(() -> clocks.find(ticket).get(name)));
        });
    }

    /** Computes a clock's due and warn instants for a start and pauses, creating nothing. */
    public Map<String, Object> preview(
            ClockName name, Instant start, List<Instant[]> pauses, Region region, Instant agreedAt) {
        SlaClock c = startClock(name, start, region, agreedAt);
        for (Instant[] p : pauses) {
            c = planner.pause(c, p[0]).orElse(c);
            c = planner.resume(c, p[1]).orElse(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clock", name);
        out.put("counting", c.counting());
        out.put("budget", c.budget().toString());
        out.put("start", start);
        out.put(
                "countingFrom",
                c.counting() == Counting.WALL_CLOCK ? start : planner.calendar().nextOpening(start));
        out.put("pausedTime", c.pausedTotal().toString());
        out.put("warnAt", c.warnAt());
        out.put("due", c.due());
        return out;
    }

    SlaClock startClock(ClockName name, Instant at, Region region, Instant agreedAt) {
        SlaConfig.ClockConfig cc = config.clocks().get(name);
        Duration budget = name == ClockName.ONSITE_ARRIVAL
                ? config.onsiteByRegion().get(region == null ? Region.OTHER : region)
                : cc.budget();
        if (name == ClockName.APPOINTMENT && agreedAt == null)
            throw InvalidInputException.of("agreedAt", "an appointment clock needs the agreed time");
        return planner.start(
                name, cc.counting(), budget, cc.warnPercent(), at, name == ClockName.APPOINTMENT ? agreedAt : null);
    }

    /** Applies {@code f} to the stored clock under the request's lock. Blocking. */
    Optional<SlaClock> change(String ticket, ClockName name, Function<SlaClock, Optional<SlaClock>> f) {
        return lock.locked(ticket, () -> {
            Map<ClockName, SlaClock> all = clocks.find(ticket);
            if (all == null) throw new NotFoundException("no service request " + ticket);
            SlaClock before = all.get(name);
            Optional<SlaClock> after = f.apply(before);
            if (after.isEmpty()) return Optional.<SlaClock>empty();
            SlaClock next = after.get().after(before);
            if (!clocks.put(ticket, next)) throw new NotFoundException("no service request " + ticket);
            timers.planned(ticket, before, next);
            stats.moved(before == null ? null : before.state(), next.state());
            if (next.state() == ClockState.MET && (before == null || before.state() != ClockState.MET))
                meters.met(name.key(), Duration.between(next.stoppedAt(), next.due()));
            events.publish(
                    SlaEvents.CLOCK_CHANGED,
                    new SlaEvents.ClockChanged(ticket, name, next.state(), next.due(), clock.instant()));
            return Optional.of(next);
        });
    }

    /** The request as JSON with its clocks ({@code clocks}: name → view). */
    public Future<Object> withClocks(Ticket t) {
        return views(t.number()).map(v -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = org.callcenter.common.JsonMapper.mapper().convertValue(t, Map.class);
            json.put("clocks", v);
            return json;
        });
    }

    public Future<List<Escalation>> escalations(int limit) {
        return blocking.run(() -> timers.escalations().recent(limit));
    }

    private ClockView view(SlaClock c) {
        return ClockView.of(c, planner, clock.instant());
    }

    /** An event instant (now when absent), to the millisecond as stored; not in the future. */
    private Instant instant(Instant at) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (at == null) return now;
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) throw InvalidInputException.of("at", "must not be in the future");
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
