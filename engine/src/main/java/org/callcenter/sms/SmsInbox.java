package org.callcenter.sms;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.store.MongoStore;

/**
 * Inbound SMS ({@code sms_inbound}, _id = Twilio's MessageSid, so a redelivery is recognised) and
 * the numbers that texted STOP ({@code sms_optouts}, _id = the number). Blocking.
 */
public final class SmsInbox {
    private final MongoCollection<Document> inbound;
    private final MongoCollection<Document> optouts;

    public SmsInbox(MongoStore store) {
        this.inbound = store.database().getCollection("sms_inbound");
        this.optouts = store.database().getCollection("sms_optouts");
    }

    /** Records a first delivery; empty when this MessageSid was seen before (then nothing is redone). */
    public boolean record(String sid, String from, String to, String body, Instant at) {
        try {
            inbound.insertOne(new Document("_id", sid)
                    .append("from", from)
                    .append("to", to)
                    .append("body", body)
                    .append("receivedAt", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    public void reply(String sid, String reply) {
        inbound.updateOne(
                eq("_id", sid),
                new Document("$set", new Document("reply", reply)).append("$unset", new Document("failed", "")));
    }

    /**
     * Marks a delivery whose handling failed (a store or handler fault, no reply given), so that
     * Twilio's redelivery of it is handled again instead of answered as a duplicate. Best effort.
     */
    public void failed(String sid) {
        inbound.updateOne(eq("_id", sid), new Document("$set", new Document("failed", true)));
    }

    /** Whether the first delivery of this message failed and was not answered (see {@link #failed}). */
    public boolean retryable(String sid) {
        Document d = inbound.find(eq("_id", sid)).first();
        return d != null && d.getString("reply") == null && Boolean.TRUE.equals(d.getBoolean("failed"));
    }

    /** The reply given to the first delivery of this message. */
    public Optional<String> replyTo(String sid) {
        return Optional.ofNullable(inbound.find(eq("_id", sid)).first()).map(d -> d.getString("reply"));
    }

    public long count() {
        return inbound.countDocuments();
    }

    public void optOut(String number, Instant at) {
        optouts.replaceOne(
                eq("_id", number),
                new Document("_id", number).append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    public void optIn(String number) {
        optouts.deleteOne(eq("_id", number));
    }

    public boolean optedOut(String number) {
        return optouts.find(eq("_id", number)).first() != null;
    }
}
