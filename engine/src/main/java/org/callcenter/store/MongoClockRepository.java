package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.ClockRepository;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.Counting;
import org.callcenter.sla.SlaClock;
import org.callcenter.sla.TimerRef;

/**
 * Clocks live in the ticket document under {@code clocks.<name>} (ticket updates $set only their own
 * fields, so they never overwrite these). Every write goes by _id (the embedded server scans for any
 * other filter); the compare of compare-and-set is done under the request's ClockLock. Every write
 * also keeps the compact registry of pending timers ({@link MongoTimerRegistry}, {@link #TIMERS})
 * that the timer index is rebuilt from.
 */
public final class MongoClockRepository implements ClockRepository {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoClockRepository.class);
    /** The registry's marker that it holds every pending timer (written once, after a backfill). */
    private static final String COMPLETE = "complete";

    private final MongoCollection<Document> tickets;
    private final MongoTimerRegistry registry;

    public MongoClockRepository(MongoStore store) {
        this.tickets = store.database().getCollection("tickets");
        this.registry = new MongoTimerRegistry(store);
    }

    @Override
    public Map<ClockName, SlaClock> find(String ticket) {
        Document d = tickets.find(eq("_id", ticket))
                .projection(Projections.include("clocks"))
                .first();
        return d == null ? null : clocks(d);
    }

    @Override
    public boolean put(String ticket, SlaClock clock) {
        // a pending timer is registered before the ticket is written and a done one removed after it:
        // a crash in between leaves an extra entry (dropped when handled), never a missing one
        Map<String, List<SlaClock>> one = Map.of(ticket, List.of(clock));
        registry.register(one);
        String field = "clocks." + clock.name().key();
        boolean matched = tickets.updateOne(eq("_id", ticket), Updates.set(field, toDocument(clock)))
                        .getMatchedCount()
                == 1;
        removeDone(one);
        return matched;
    }

    @Override
    public Map<String, Map<ClockName, SlaClock>> findAll(Collection<String> ids) {
        Map<String, Map<ClockName, SlaClock>> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        // _id $in is answered from the _id index by the embedded server too
        tickets.find(in("_id", ids))
                .projection(Projections.include("clocks"))
                .batchSize(ids.size())
                .forEach(d -> out.put(d.getString("_id"), clocks(d)));
        return out;
    }

    @Override
    public long putAll(Map<String, List<SlaClock>> clocks) {
        if (clocks.isEmpty()) return 0;
        List<UpdateOneModel<Document>> writes = new ArrayList<>(clocks.size());
        clocks.forEach((id, changed) -> writes.add(new UpdateOneModel<>(
                eq("_id", id),
                Updates.combine(changed.stream()
                        .map(c -> Updates.set("clocks." + c.name().key(), toDocument(c)))
                        .toList()))));
        long matched =
                tickets.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
        // after the tickets: a crash in between leaves an entry whose timer is dropped when handled
        removeDone(clocks);
        return matched;
    }

    @Override
    public void syncTimers(Map<String, List<SlaClock>> current, Map<String, List<ClockName>> gone) {
        registry.sync(current);
        registry.forget(gone);
    }

    @Override
    public void forEachPendingTimer(int chunk, Consumer<List<TimerRef>> consumer) {
        if (!registry.has(COMPLETE)) backfill(chunk);
        registry.forEachChunk(chunk, consumer);
    }

    /**
     * Clocks written before the registry existed (or by a bulk import into the tickets): registers
     * the pending timers of every ticket's clocks once, then marks the registry complete.
     */
    private void backfill(int chunk) {
        Map<String, List<SlaClock>> batch = new HashMap<>();
        forEachWithClocks(e -> {
            batch.put(e.getKey(), List.copyOf(e.getValue().values()));
            if (batch.size() >= chunk) {
                registry.insertMissing(batch);
                batch.clear();
            }
        });
        registry.insertMissing(batch);
        registry.mark(COMPLETE);
    }

    @Override
    public void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer) {
        tickets.find(exists("clocks"))
                .projection(Projections.include("clocks"))
                .batchSize(1000)
                .forEach(d -> consumer.accept(Map.entry(d.getString("_id"), clocks(d))));
    }

    /** The clocks stored in a request's document (read with other fields, e.g. by the IVR). */
    static Map<ClockName, SlaClock> clocks(Document d) {
        Map<ClockName, SlaClock> out = new EnumMap<>(ClockName.class);
        Document all = d.get("clocks", Document.class);
        if (all == null) return out;
        for (String key : all.keySet()) {
            ClockName name = ClockName.parse(key);
            if (name != null) out.put(name, fromDocument(name, all.get(key, Document.class)));
        }
        return out;
    }

    /**
     * Removes the registry entries of clocks left with nothing pending, after their ticket was written.
     * A failure leaves extra entries (dropped when handled, as any stale timer), so it is logged, not
     * thrown: the clock change itself is done.
     */
    private void removeDone(Map<String, List<SlaClock>> clocks) {
        try {
            registry.removeDone(clocks);
        } catch (RuntimeException e) {
            log.warn(
                    "SLA timer registry: entries of {} clock(s) not removed (harmless, dropped when handled): {}",
                    clocks.size(),
                    e.toString());
        }
    }

    /** The collection of the compact pending-timer entries (see {@link MongoTimerRegistry}). */
    public static final String TIMERS = MongoTimerRegistry.COLLECTION;

    /**
     * The pending-timer entry of a clock, for bulk writers of new clocks (benchmarks, imports): insert
     * it into {@link #TIMERS} before the ticket; null when the clock has nothing pending.
     */
    public static Document timerEntry(String ticket, SlaClock c) {
        return MongoTimerRegistry.document(ticket, c);
    }

    /** The stored form of a clock (benchmarks and imports write it in bulk). */
    public static Document toDocument(SlaClock c) {
        return new Document("counting", BsonValues.name(c.counting()))
                .append("budgetMs", millis(c.budget()))
                .append("warnPercent", c.warnPercent())
                .append("startedAt", BsonValues.date(c.startedAt()))
                .append("due", BsonValues.date(c.due()))
                .append("warnAt", BsonValues.date(c.warnAt()))
                .append("state", BsonValues.name(c.state()))
                .append("pausedAt", BsonValues.date(c.pausedAt()))
                .append("pausedTotalMs", millis(c.pausedTotal()))
                .append("remainingMs", millis(c.remaining()))
                .append("warnRemainingMs", millis(c.warnRemaining()))
                .append("warnedAt", BsonValues.date(c.warnedAt()))
                .append("breachedAt", BsonValues.date(c.breachedAt()))
                .append("stoppedAt", BsonValues.date(c.stoppedAt()))
                .append("warnNotified", c.warnNotified())
                .append("breachNotified", c.breachNotified())
                .append("plan", c.plan())
                .append("rev", c.rev());
    }

    static SlaClock fromDocument(ClockName name, Document d) {
        return new SlaClock(
                name,
                BsonValues.enumValue(d, "counting", Counting.class),
                duration(d, "budgetMs"),
                d.getInteger("warnPercent", 80),
                BsonValues.instant(d, "startedAt"),
                BsonValues.instant(d, "due"),
                BsonValues.instant(d, "warnAt"),
                BsonValues.enumValue(d, "state", ClockState.class),
                BsonValues.instant(d, "pausedAt"),
                duration(d, "pausedTotalMs"),
                duration(d, "remainingMs"),
                duration(d, "warnRemainingMs"),
                BsonValues.instant(d, "warnedAt"),
                BsonValues.instant(d, "breachedAt"),
                BsonValues.instant(d, "stoppedAt"),
                d.getBoolean("warnNotified", false),
                d.getBoolean("breachNotified", false),
                BsonValues.longValue(d, "plan"),
                BsonValues.longValue(d, "rev"));
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static Duration duration(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? Duration.ofMillis(n.longValue()) : null;
    }
}
