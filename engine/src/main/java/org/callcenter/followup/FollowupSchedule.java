package org.callcenter.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callcenter.sla.LeaseIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable follow-up timers on the SLA timer engine ({@link LeaseIndex}: a Redis sorted set per kind,
 * claims leased atomically in Lua). MongoDB holds the plans (callAt, ownedUntil); the index orders
 * them for firing and is rebuilt from MongoDB on start, so plans survive restarts; a claim makes each
 * timer handled by one engine instance at a time, and the handler re-reads MongoDB, so a repeat after
 * a crash (the lease ran out) finds the timer stale and does nothing twice.
 */
public final class FollowupSchedule {
    private static final Logger log = LoggerFactory.getLogger(FollowupSchedule.class);
    private static final int BATCH = 200;

    /** Handles one due timer of a kind; true when it acted (dialled, released). */
    public interface Handler {
        boolean handle(FollowupTimer timer);
    }

    private final LeaseIndex dial;
    private final LeaseIndex release;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.Set<String> rescored = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FollowupSchedule(LeaseIndex dial, LeaseIndex release, Clock clock, Duration lease) {
        this.dial = dial;
        this.release = release;
        this.clock = clock;
        this.lease = lease;
    }

    /** Indexes the timers a follow-up just saved needs. */
    public void index(FollowUp f) {
        for (FollowupTimer t : FollowupTimer.of(f)) indexOf(t.kind()).add(Map.of(t.member(), t.due()));
    }

    /**
     * Brings a claimed timer back at a later instant (no agent free yet, outside calling hours): the
     * same member (it still names the plan's instant, so it is not stale), claimable again at {@code at}.
     */
    public void again(FollowupTimer t, Instant at) {
        indexOf(t.kind()).add(Map.of(t.member(), at));
        rescored.add(t.kind() + "|" + t.member()); // its lease is replaced: the poller must not complete it
    }

    /** Adds the timers of every open follow-up that are missing from the index (on start). */
    public long rebuild(List<FollowUp> open) {
        Map<String, Instant> dials = new LinkedHashMap<>();
        Map<String, Instant> releases = new LinkedHashMap<>();
        for (FollowUp f : open)
            for (FollowupTimer t : FollowupTimer.of(f))
                (t.kind() == FollowupTimer.Kind.DIAL ? dials : releases).put(t.member(), t.due());
        dial.addMissing(dials);
        release.addMissing(releases);
        return dials.size() + releases.size();
    }

    /**
     * Claims and handles due timers of a kind (only while {@code ready} says this instance can act on
     * that kind); returns how many acted. Blocking.
     */
    public int pollOnce(FollowupTimer.Kind kind, Handler handler) {
        LeaseIndex index = indexOf(kind);
        int acted = 0;
        while (true) {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(lease);
            List<String> claimed = index.claim(now, leaseUntil, BATCH);
            List<Future<Boolean>> results = new ArrayList<>(claimed.size());
            for (String member : claimed)
                results.add(workers.submit(() -> {
                    FollowupTimer t = FollowupTimer.parse(kind, member);
                    boolean done = handler.handle(t);
                    if (!rescored.remove(kind + "|" + member)) index.complete(member, leaseUntil);
                    return done;
                }));
            for (Future<Boolean> r : results) {
                try {
                    if (r.get()) acted++;
                } catch (Exception e) {
                    log.warn("follow-up timer failed; it comes back when its lease ends: {}", e.toString());
                }
            }
            if (claimed.size() < BATCH) return acted;
        }
    }

    /** Timers indexed per kind (gauges, tests). */
    public long size(FollowupTimer.Kind kind) {
        return indexOf(kind).size();
    }

    private LeaseIndex indexOf(FollowupTimer.Kind kind) {
        return kind == FollowupTimer.Kind.DIAL ? dial : release;
    }

    public void close() {
        workers.close();
    }
}
