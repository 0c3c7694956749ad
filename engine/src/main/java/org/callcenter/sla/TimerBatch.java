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
 * The order announce-then-mark is the one-by-one path's: a crash in between repeats an announcement
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

    TimerBatch(
            ClockRepository clocks,
            ClockLock lock,
            TimerIndex index,
            ClockStats stats,
            Clock clock,
            Consumer<List<FiredTimer>> announce) {
        this.clocks = clocks;
        this.lock = lock;
        this.index = index;
        this.stats = stats;
        this.clock = clock;
        this.announce = announce;
    }

    /** The outcome of one batch: how many it announced, and the timers left for one-by-one handling. */
    record Result(int fired, List<TimerRef> busy) {}

    Result handle(List<TimerRef> claimed, Instant leaseUntil) {
        Map<String, List<TimerRef>> byTicket = new LinkedHashMap<>();
        for (TimerRef ref : claimed)
            byTicket.computeIfAbsent(ref.ticket(), k -> new ArrayList<>()).add(ref);
        ClockLock.Held held = lock.tryLockAll(byTicket.keySet());
        List<TimerRef> busy = new ArrayList<>();
        List<TimerRef> mine = new ArrayList<>();
        byTicket.forEach((ticket, refs) -> (held.tickets().contains(ticket) ? mine : busy).addAll(refs));
        if (mine.isEmpty()) return new Result(0, busy);
        List<FiredTimer> fired = new ArrayList<>();
        try {
            Map<String, Map<ClockName, SlaClock>> stored = clocks.findAll(held.tickets());
            Instant now = clock.instant();
            Map<String, List<SlaClock>> writes = new LinkedHashMap<>();
            for (String ticket : held.tickets()) {
                Map<ClockName, SlaClock> current = stored.get(ticket);
                if (current == null) continue; // the request is gone: its timers are stale
                Map<ClockName, SlaClock> changed = new EnumMap<>(ClockName.class);
                for (TimerRef ref :
                        byTicket.get(ticket).stream().sorted(DUE_ORDER).toList()) {
                    FiredTimer f = FiredTimer.decide(ref, current.get(ref.clock()), now);
                    if (f == null) continue;
                    fired.add(f);
                    current.put(ref.clock(), f.next());
                    changed.put(ref.clock(), f.next());
                }
                if (!changed.isEmpty()) writes.put(ticket, List.copyOf(changed.values()));
            }
            announce.accept(fired);
            clocks.putAll(writes);
            long breached = fired.stream().filter(FiredTimer::wasRunning).count();
            stats.moved(ClockState.RUNNING, ClockState.BREACHED, breached);
        } finally {
            lock.unlockAll(held);
        }
        index.completeAll(mine, leaseUntil);
        return new Result(fired.size(), busy);
    }
}
