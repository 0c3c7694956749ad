package org.callcenter.sms;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.store.MongoStore;

/** The SMS outbox in MongoDB (collection {@code sms_outbox}, _id = idempotency key). Blocking. */
public final class SmsOutbox {
    private final MongoCollection<Document> col;

    public SmsOutbox(MongoStore store) {
        this.col = store.database().getCollection("sms_outbox");
        // what the sender claims by, and what status callbacks find by (a real MongoDB uses them)
        col.createIndex(com.mongodb.client.model.Indexes.ascending("status", "nextAttemptAt"));
        col.createIndex(com.mongodb.client.model.Indexes.ascending("sid"));
    }

    /** Queues the message unless one with this key exists; returns the stored one either way. */
    public OutboxMessage enqueue(OutboxMessage m) {
        try {
            col.insertOne(toDoc(m));
            return m;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            return find(m.key()).orElseThrow(() -> e);
        }
    }

    public Optional<OutboxMessage> find(String key) {
        return Optional.ofNullable(col.find(eq("_id", key)).first()).map(SmsOutbox::fromDoc);
    }

    public Optional<OutboxMessage> findBySid(String sid) {
        return Optional.ofNullable(col.find(eq("sid", sid)).first()).map(SmsOutbox::fromDoc);
    }

    public List<OutboxMessage> all() {
        List<OutboxMessage> out = new ArrayList<>();
        col.find().forEach(d -> out.add(fromDoc(d)));
        return out;
    }

    /**
     * Claims one message for sending: a due QUEUED/RETRY one, or a SENDING one whose attempt started
     * before {@code staleBefore} (its sender died or hung; the caller reconciles it first). Atomic.
     */
    public Optional<OutboxMessage> claim(Instant now, Instant staleBefore) {
        Bson due = and(in("status", SmsStatus.QUEUED.wire(), SmsStatus.RETRY.wire()), lte("nextAttemptAt", date(now)));
        Bson stale = and(eq("status", SmsStatus.SENDING.wire()), lt("attemptStartedAt", date(staleBefore)));
        Bson filter = com.mongodb.client.model.Filters.or(due, stale);
        // the returned document is the one before the update: its status tells an uncertain send apart
        Document before = col.findOneAndUpdate(
                filter,
                Updates.combine(
                        Updates.set("status", SmsStatus.SENDING.wire()),
                        Updates.set("attemptStartedAt", date(now)),
                        Updates.set("updatedAt", date(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(SmsOutbox::fromDoc);
    }

    /**
     * A status callback: moves the message with this SID forward (sent, then delivered / undelivered /
     * failed), never back, so a replayed or late callback changes nothing. True when it moved.
     */
    public boolean advance(String sid, SmsStatus to, Integer errorCode, Instant now) {
        List<String> from = to == SmsStatus.SENT
                ? List.of(SmsStatus.SENDING.wire(), SmsStatus.RETRY.wire())
                : List.of(SmsStatus.SENDING.wire(), SmsStatus.RETRY.wire(), SmsStatus.SENT.wire());
        Bson update = Updates.combine(
                Updates.set("status", to.wire()),
                Updates.set("errorCode", errorCode),
                Updates.set("updatedAt", date(now)));
        return col.updateOne(and(eq("sid", sid), in("status", from)), update).getModifiedCount() > 0;
    }

    public void save(OutboxMessage m) {
        col.replaceOne(eq("_id", m.key()), toDoc(m));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }

    static Document toDoc(OutboxMessage m) {
        return new Document("_id", m.key())
                .append("template", m.template())
                .append("to", m.to())
                .append("body", m.body())
                .append("status", m.status().wire())
                .append("attempts", m.attempts())
                .append("sid", m.sid())
                .append("errorCode", m.errorCode())
                .append("errorMessage", m.errorMessage())
                .append("createdAt", date(m.createdAt()))
                .append("nextAttemptAt", date(m.nextAttemptAt()))
                .append("attemptStartedAt", date(m.attemptStartedAt()))
                .append("updatedAt", date(m.updatedAt()))
                .append("ticketId", m.ticketId());
    }

    static OutboxMessage fromDoc(Document d) {
        return new OutboxMessage(
                d.getString("_id"),
                d.getString("template"),
                d.getString("to"),
                d.getString("body"),
                SmsStatus.fromWire(d.getString("status")),
                d.getInteger("attempts", 0),
                d.getString("sid"),
                d.getInteger("errorCode"),
                d.getString("errorMessage"),
                instant(d, "createdAt"),
                instant(d, "nextAttemptAt"),
                instant(d, "attemptStartedAt"),
                instant(d, "updatedAt"),
                d.getString("ticketId"));
    }
}
