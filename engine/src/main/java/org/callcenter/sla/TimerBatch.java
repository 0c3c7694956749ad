package org.callcenter.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Handles a claimed batch of due timers together: the locks of all their requests in one Redis call,
 * their clocks in one MongoDB read (_id $in), the decisions in memory (timers of one request in due
 * order, warning before breach), the announcements, then the markers in one unordered bulk write by
 * _id, and the index entries completed in one call. Requests whose lock is busy (a user action or
 * another engine at work on them) are returned to be handled one by one under {@link ClockLock}.
 * Phase one ({@link #prepare}) ends with the announcements; phase two (the writes) may overlap the
 * next batch. The order announce-then-mark is the one-by-one path's: a crash in between repeats an announcement
 * with the same event id, it never loses one; the locks keep two engines off the same request.
 */
final class TimerBatch {
    private static final Comparator<TimerRef> DUE_ORDER =
            Comparator.comparing(TimerRef::due).thenComparing(TimerRef::kind);

    private final ClockRepository clocks;
    private final ClockLock lock;
    private final TimerIndex index;
    private final ClockStats stats;
    private final Clock clock;
    private final Consumer<List<FiredTimer>> announce;
    private final long lockBudgetNanos;

    TimerBatch(
            ClockRepository clocks,
            ClockLock lock,
            TimerIndex index,
            ClockStats stats,
            Clock clock,
            Consumer<List<FiredTimer>> announce,
            java.time.Duration lockBudget) {
        this.clocks = clocks;
        this.lock = lock;
        this.index = index;
        this.stats = stats;
        this.clock = clock;
        this.announce = announce;
        this.lockBudgetNanos = lockBudget.toNanos();
    }

    /**
     * A batch announced (phase one) with its writes still to do: {@link #finish} writes the markers
     * and the registry, lets go of the locks and completes the index entries. It may run while the
     * next batch is claimed and announced; until it ends, the locks keep everyone off these requests.
     */
    record Prepared(int fired, List<TimerRef> busy, Runnable finish) {}

    /** The outcome of one batch handled to the end. */
    record Result(int fired, List<TimerRef> busy) {}

    Result handle(List<TimerRef> claimed, Instant leaseUntil) {
        Prepared p = prepare(claimed, leaseUntil);
        p.finish().run();
        return new Result(p.fired(), p.busy());
    }

    /** Phase one: locks, one read, the decisions and the announcements (the lateness ends here). */
    Prepared prepare(List<TimerRef> claimed, Instant leaseUntil) {
        Map<String, List<TimerRef>> byTicket = new LinkedHashMap<>();
        for (TimerRef ref : claimed)
            byTicket.computeIfAbsent(ref.ticket(), k -> new ArrayList<>()).add(ref);
        long lockedAt = System.nanoTime(); // elapsed time, not business time
        ClockLock.Held held = lock.tryLockAll(byTicket.keySet());
        List<TimerRef> busy = new ArrayList<>();
        List<TimerRef> mine = new ArrayList<>();
        byTicket.forEach((ticket, refs) -> (held.tickets().contains(ticket) ? mine : busy).addAll(refs));
        if (mine.isEmpty()) return new Prepared(0, busy, () -> {});
        List<FiredTimer> fired = new ArrayList<>();
        Map<String, List<SlaClock>> writes = new LinkedHashMap<>();
        Map<String, List<SlaClock>> stale = new LinkedHashMap<>();
        Map<String, List<ClockName>> gone = new LinkedHashMap<>();
        try {
            Map<String, Map<ClockName, SlaClock>> stored = clocks.findAll(held.tickets());
            Instant now = clock.instant();
            for (String ticket : held.tickets()) {
                Map<ClockName, SlaClock> current = stored.get(ticket);
                Map<ClockName, SlaClock> changed = new EnumMap<>(ClockName.class);
                Map<ClockName, SlaClock> unchanged = new EnumMap<>(ClockName.class);
                for (TimerRef ref :
                        byTicket.get(ticket).stream().sorted(DUE_ORDER).toList()) {
                    SlaClock c = current == null ? null : current.get(ref.clock());
                    FiredTimer f = FiredTimer.decide(ref, c, now);
                    if (f == null) {
                        // stale or already announced: its registry entry is brought in line below
                        if (c == null)
                            gone.computeIfAbsent(ticket, k -> new ArrayList<>()).add(ref.clock());
                        else unchanged.put(ref.clock(), c);
                        continue;
                    }
                    fired.add(f);
                    current.put(ref.clock(), f.next());
                    changed.put(ref.clock(), f.next());
                }
                changed.keySet().forEach(unchanged::remove);
                if (!changed.isEmpty()) writes.put(ticket, List.copyOf(changed.values()));
                if (!unchanged.isEmpty()) stale.put(ticket, List.copyOf(unchanged.values()));
            }
            announce.accept(fired);
        } catch (RuntimeException e) {
            lock.unlockAll(held);
            throw e;
        }
        Runnable finish = () -> {
            try {
                if (System.nanoTime() - lockedAt > lockBudgetNanos)
                    throw new IllegalStateException("batch held its locks too long to write safely");
                clocks.putAll(writes);
                // counted as soon as the markers are written: a retry finds them announced and never counts
                long breached = fired.stream().filter(FiredTimer::wasRunning).count();
                stats.moved(ClockState.RUNNING, ClockState.BREACHED, breached);
                if (!stale.isEmpty() || !gone.isEmpty()) clocks.syncTimers(stale, gone);
            } finally {
                lock.unlockAll(held);
            }
            index.completeAll(mine, leaseUntil);
        };
        return new Prepared(fired.size(), busy, finish);
    }
}
