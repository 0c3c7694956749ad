package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.SlaClock;
import org.callcenter.sla.TimerKind;
import org.callcenter.sla.TimerRef;

/**
 * The pending SLA timers in MongoDB, compact: one small flat document per clock that still has a
 * warning or breach to announce ({@code _id} "ticket|clock", {@code p} plan, {@code w} / {@code d}
 * the pending warn / breach instant in epoch ms), none for a clock with nothing pending. It is derived
 * from the clocks in the ticket documents (the truth) and may hold more than they do, never less: a
 * plan is registered before the ticket is written, and a fired or stale entry is removed only after.
 * An extra entry is harmless (its timer is dropped when handled, as any stale timer). Rebuilding the
 * Redis index reads this collection instead of every ticket document.
 */
final class MongoTimerRegistry {
    static final String COLLECTION = "sla_timers";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> registry;

    MongoTimerRegistry(MongoStore store) {
        this.registry = store.database().getCollection(COLLECTION);
    }

    static String id(String ticket, ClockName clock) {
        return ticket + "|" + clock.key();
    }

    /** The registry entry of a clock; null when it has nothing pending (the entry is deleted). */
    static Document document(String ticket, SlaClock c) {
        List<TimerRef> refs = TimerRef.of(ticket, c);
        if (refs.isEmpty()) return null;
        Document d = new Document("_id", id(ticket, c.name())).append("p", c.plan());
        for (TimerRef r : refs)
            d.append(r.kind() == TimerKind.WARN ? "w" : "d", r.due().toEpochMilli());
        return d;
    }

    /** Brings the entries of these clocks in line with them: upserts in one bulk write, deletes in one. */
    void sync(Map<String, List<SlaClock>> clocks) {
        register(clocks);
        removeDone(clocks);
    }

    /**
     * Upserts the entries of the clocks that have something pending (one bulk write); entries of clocks
     * with nothing pending are left for {@link #removeDone}, which a writer calls after the ticket.
     */
    void register(Map<String, List<SlaClock>> clocks) {
        List<WriteModel<Document>> upserts = new ArrayList<>();
        clocks.forEach((ticket, list) -> list.forEach(c -> {
            Document d = document(ticket, c);
            if (d != null) upserts.add(new ReplaceOneModel<>(eq("_id", d.getString("_id")), d, UPSERT));
        }));
        if (!upserts.isEmpty()) registry.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
    }

    /**
     * After the tickets were written (timers fired, a clock met or paused): removes the entries of
     * clocks with nothing left pending. An entry whose
     * warning fired but whose breach is pending is left as it is (its warn instant is then stale, which
     * is harmless), so a clock costs the registry one write when it fires, not two.
     */
    void removeDone(Map<String, List<SlaClock>> clocks) {
        List<String> deletes = new ArrayList<>();
        clocks.forEach((ticket, list) -> list.forEach(c -> {
            if (document(ticket, c) == null) deletes.add(id(ticket, c.name()));
        }));
        delete(deletes);
    }

    /** Removes the entries of clocks that no longer exist (their request or clock is gone). */
    void forget(Map<String, List<ClockName>> gone) {
        List<String> deletes = new ArrayList<>();
        gone.forEach((ticket, names) -> names.forEach(n -> deletes.add(id(ticket, n))));
        delete(deletes);
    }

    private void delete(List<String> ids) {
        // one _id $in (answered from the _id index) costs the embedded server less than one delete each
        if (ids.size() == 1) registry.deleteOne(eq("_id", ids.get(0)));
        else if (!ids.isEmpty()) registry.deleteMany(in("_id", ids));
    }

    /**
     * Registers the clocks' pending timers where no entry exists yet (a backfill from the tickets):
     * an existing entry was written by a clock change at least as new as the ticket read here.
     */
    void insertMissing(Map<String, List<SlaClock>> clocks) {
        List<Document> entries = new ArrayList<>();
        clocks.forEach((ticket, list) -> list.forEach(c -> {
            Document d = document(ticket, c);
            if (d != null) entries.add(d);
        }));
        if (entries.isEmpty()) return;
        try {
            registry.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000)) throw e;
        }
    }

    /** Whether the marker {@code name} (an _id without "|", never read as an entry) is there. */
    boolean has(String name) {
        return registry.find(eq("_id", name)).first() != null;
    }

    void mark(String name) {
        registry.replaceOne(eq("_id", name), new Document("_id", name), UPSERT);
    }

    /** Every registered timer, in chunks of about {@code chunk}, streamed from one cursor. */
    void forEachChunk(int chunk, Consumer<List<TimerRef>> consumer) {
        List<TimerRef> out = new ArrayList<>(chunk + 2);
        for (Document d : registry.find().batchSize(chunk)) {
            refs(d, out);
            if (out.size() >= chunk) {
                consumer.accept(out);
                out = new ArrayList<>(chunk + 2);
            }
        }
        if (!out.isEmpty()) consumer.accept(out);
    }

    private static void refs(Document d, List<TimerRef> out) {
        String id = d.getString("_id");
        int bar = id.lastIndexOf('|');
        ClockName name = bar < 0 ? null : ClockName.parse(id.substring(bar + 1));
        if (name == null) return; // not an entry of this engine's clocks
        String ticket = id.substring(0, bar);
        long plan = BsonValues.longValue(d, "p");
        if (d.get("w") instanceof Number w)
            out.add(new TimerRef(ticket, name, TimerKind.WARN, plan, Instant.ofEpochMilli(w.longValue())));
        if (d.get("d") instanceof Number b)
            out.add(new TimerRef(ticket, name, TimerKind.BREACH, plan, Instant.ofEpochMilli(b.longValue())));
    }
}
