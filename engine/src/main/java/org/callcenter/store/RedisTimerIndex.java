package org.callcenter.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.sla.TimerIndex;
import org.callcenter.sla.TimerRef;

/**
 * SLA timers on the product's one timer engine, a {@link RedisLeaseIndex} (one Redis sorted set,
 * claims leased in Lua). The member itself names ticket, clock, kind, plan and due.
 */
public final class RedisTimerIndex implements TimerIndex {
    private final RedisLeaseIndex index;

    public RedisTimerIndex(RedisStore redis, String key) {
        this.index = new RedisLeaseIndex(redis, key);
    }

    @Override
    public void add(Collection<TimerRef> timers) {
        index.add(members(timers));
    }

    @Override
    public void addMissing(Collection<TimerRef> timers) {
        index.addMissing(members(timers));
    }

    private static Map<String, Instant> members(Collection<TimerRef> timers) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (TimerRef t : timers) out.put(t.member(), t.due());
        return out;
    }

    @Override
    public void remove(Collection<TimerRef> timers) {
        index.remove(timers.stream().map(TimerRef::member).toList());
    }

    @Override
    public List<TimerRef> claim(Instant now, Instant leaseUntil, int max) {
        return index.claim(now, leaseUntil, max).stream().map(TimerRef::parse).toList();
    }

    @Override
    public void complete(TimerRef timer, Instant leaseUntil) {
        index.complete(timer.member(), leaseUntil);
    }

    @Override
    public void completeAll(Collection<TimerRef> timers, Instant leaseUntil) {
        index.completeAll(timers.stream().map(TimerRef::member).toList(), leaseUntil);
    }

    @Override
    public long size() {
        return index.size();
    }
}
