package org.callcenter.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callcenter.common.EventPublisher;
import org.callcenter.metrics.SlaMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable, exactly-once SLA timers. MongoDB holds each clock's warn and breach instants (the truth);
 * the {@link TimerIndex} orders them for firing. A poll claims due timers with a lease and handles
 * them: under the requests' {@link ClockLock}s (taken for a whole batch in one call) the handler re-reads
 * the clocks, drops timers of an older plan, announces (events, escalation) and writes the
 * fired-and-announced markers by _id. A claimer that dies leaves the timer
 * to come back when its lease runs out; the markers make the second attempt a no-op or finish the job.
 */
public final class SlaTimers {
    private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);
    /** Pending timers read and indexed per chunk when rebuilding. */
    static final int REBUILD_CHUNK = 5000;
    /** Batches whose writes may still run while the next batch is claimed and announced. */
    static final int WRITING = 4;
    /**
     * How long a batch may hold its requests' locks before writing (half the 10 s expiry of the
     * engine's {@code RedisClockLock}): a batch whose writes start later writes nothing, since a user's
     * change may have taken the expired lock; its timers come back when their lease ends.
     */
    static final Duration LOCK_BUDGET = Duration.ofSeconds(5);

    private final ClockRepository clocks;
    private final ClockLock lock;
    private final EscalationLog escalations;
    private final TimerIndex index;
    private final ClockStats stats;
    private final EventPublisher events;
    private final SlaMeters meters;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final java.util.concurrent.Semaphore permits;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final TimerBatch batch;
    /** Set by {@link #close}: a poll still running stops claiming (its writers are gone). */
    private volatile boolean closed;

    public SlaTimers(
            ClockRepository clocks,
            ClockLock lock,
            EscalationLog escalations,
            TimerIndex index,
            ClockStats stats,
            EventPublisher events,
            SlaMeters meters,
            Clock clock,
            Duration lease,
            int batchSize,
            int concurrency) {
        this.clocks = clocks;
        this.lock = lock;
        this.escalations = escalations;
        this.index = index;
        this.stats = stats;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.permits = new java.util.concurrent.Semaphore(concurrency);
        this.batch = new TimerBatch(clocks, lock, index, stats, clock, this::announce, LOCK_BUDGET);
    }

    /** Indexes the timers of a clock just written, and drops those of the plan it replaced. */
    public void planned(String ticket, SlaClock before, SlaClock after) {
        if (before != null && before.plan() != after.plan()) index.remove(TimerRef.of(ticket, before));
        List<TimerRef> refs = TimerRef.of(ticket, after);
        if (!refs.isEmpty()) index.add(refs);
    }

    /**
     * Rebuilds the index from MongoDB's compact registry of pending timers (on start), streaming:
     * each chunk read is indexed (one ZADD NX per chunk) while the next one is read, and overdue timers
     * can be claimed by the poller as soon as their chunk is in. A timer handled meanwhile and added
     * back is dropped by its next handler (already announced): nothing fires twice or stale.
     */
    public long rebuild() {
        long[] total = {0};
        Future<?>[] previous = {null};
        try (ExecutorService indexer = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("sla-rebuild-index").factory())) {
            clocks.forEachPendingTimer(REBUILD_CHUNK, chunk -> {
                await(previous[0]);
                total[0] += chunk.size();
                previous[0] = indexer.submit(() -> index.addMissing(chunk));
            });
            await(previous[0]);
        }
        return total[0];
    }

    /** Recounts the clocks by state from every request (slow: a scan of all of them); for the gauges. */
    public void recountStates() {
        Map<ClockState, Long> counts = new EnumMap<>(ClockState.class);
        clocks.forEachWithClocks(e -> e.getValue().values().forEach(c -> counts.merge(c.state(), 1L, Long::sum)));
        stats.reset(counts);
    }

    /**
     * Whether the counts by state are there (false when Redis lost them). Ask before timers fire or
     * clocks change: any move writes a count, after which they look present (though partial).
     */
    public boolean statesCounted() {
        return stats.counted();
    }

    private static void await(Future<?> f) {
        if (f == null) return;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Claims and handles every due timer (batch after batch); returns how many fired. Blocking. A batch
     * is handled together ({@link TimerBatch}); timers of requests whose lock is busy one by one. The
     * writes of a batch overlap the claim and announcements of the next (at most {@link #WRITING}
     * batches writing at once); all are written when this returns.
     */
    public int pollOnce() {
        int fired = 0;
        Deque<Future<?>> writing = new ArrayDeque<>();
        try {
            while (true) {
                // closing: what is not claimed yet is left to the next poll (another engine, or a restart)
                if (closed) return fired;
                Instant now = clock.instant();
                Instant leaseUntil = now.plus(lease);
                List<TimerRef> claimed = index.claim(now, leaseUntil, batchSize);
                List<TimerRef> single = claimed;
                try {
                    TimerBatch.Prepared batch = this.batch.prepare(claimed, leaseUntil);
                    fired += batch.fired();
                    single = batch.busy();
                    writing.add(write(batch.finish()));
                } catch (RuntimeException e) {
                    // nothing of the batch was completed: its timers come back when their lease ends
                    log.warn("SLA timer batch failed; its timers come back when their lease ends: {}", e.toString());
                    single = List.of();
                }
                fired += oneByOne(single, leaseUntil);
                while (writing.size() > WRITING) written(writing.poll());
                if (claimed.size() < batchSize) return fired;
            }
        } finally {
            while (!writing.isEmpty()) written(writing.poll());
        }
    }

    /** The writes of an announced batch in the background; here when closing stopped the workers. */
    private Future<?> write(Runnable finish) {
        try {
            return workers.submit(finish);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            finish.run();
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private static void written(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // announced but not marked: announced again (same event ids) when the lease ends
            log.warn(
                    "SLA timer batch not written; its timers come back when their lease ends: {}",
                    e.getCause().toString());
        }
    }

    private int oneByOne(List<TimerRef> refs, Instant leaseUntil) {
        int fired = 0;
        List<Future<Boolean>> results = new ArrayList<>(refs.size());
        for (TimerRef ref : refs)
            results.add(workers.submit(() -> {
                // bounded: each handler holds a Redis and a MongoDB connection from their pools
                permits.acquire();
                try {
                    return handle(ref, leaseUntil);
                } finally {
                    permits.release();
                }
            }));
        for (Future<Boolean> r : results) {
            try {
                if (r.get()) fired++;
            } catch (Exception e) {
                log.warn("SLA timer failed; it comes back when its lease ends: {}", e.toString());
            }
        }
        return fired;
    }

    /** Handles one claimed timer; true when this call announced a warning or breach. */
    boolean handle(TimerRef ref, Instant leaseUntil) {
        boolean announced = fire(ref);
        index.complete(ref, leaseUntil);
        return announced;
    }

    private boolean fire(TimerRef ref) {
        return lock.locked(ref.ticket(), () -> {
            Map<ClockName, SlaClock> all = clocks.find(ref.ticket());
            FiredTimer f = FiredTimer.decide(ref, all == null ? null : all.get(ref.clock()), clock.instant());
            if (f == null) return false;
            announce(List.of(f));
            // the marker is written after the announcement: a crash in between repeats it (same event id),
            // it never loses it
            clocks.put(ref.ticket(), f.next());
            if (f.wasRunning()) stats.moved(ClockState.RUNNING, ClockState.BREACHED);
            return true;
        });
    }

    /** Announces warnings and breaches; the breaches' escalations are recorded first, in one call. */
    private void announce(List<FiredTimer> fired) {
        escalations.recordAll(fired.stream()
                .filter(FiredTimer::breach)
                .map(SlaTimers::escalation)
                .toList());
        for (FiredTimer f : fired) {
            TimerRef ref = f.ref();
            SlaClock c = f.next();
            meters.timerLag(Duration.between(ref.due(), f.at()));
            if (!f.breach()) {
                meters.warned(ref.clock().key());
                events.publish(
                        SlaEvents.WARNED,
                        new SlaEvents.SlaWarned(ref.eventId(), ref.ticket(), ref.clock(), c.warnAt(), c.due(), f.at()));
                continue;
            }
            meters.breached(ref.clock().key());
            events.publish(
                    SlaEvents.BREACHED,
                    new SlaEvents.SlaBreached(
                            ref.eventId(),
                            ref.ticket(),
                            ref.clock(),
                            c.due(),
                            f.at(),
                            Duration.between(c.due(), f.at())));
            events.publish(SlaEvents.ESCALATED, escalation(f));
        }
    }

    private static Escalation escalation(FiredTimer f) {
        TimerRef ref = f.ref();
        SlaClock c = f.next();
        return new Escalation(
                ref.eventId(),
                ref.ticket(),
                ref.clock(),
                c.due(),
                f.at(),
                ref.clock().key() + " clock breached (due " + c.due() + ")");
    }

    public EscalationLog escalations() {
        return escalations;
    }

    public TimerIndex index() {
        return index;
    }

    public void refreshGauges() {
        meters.pendingTimers(index.size());
        meters.clocks(stats.snapshot());
    }

    public void close() {
        closed = true;
        workers.close();
    }
}
