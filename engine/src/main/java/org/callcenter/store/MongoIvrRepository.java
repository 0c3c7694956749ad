package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.ivr.Callback;
import org.callcenter.ivr.IvrRepository;
import org.callcenter.ivr.IvrTrace;
import org.callcenter.ivr.SurveyResult;
import org.callcenter.tickets.TicketStatus;

/**
 * IVR data by _id: {@code ivr_sessions} (_id = agi_uniqueid; a later script on the same channel
 * {@code <uniqueid>:<script>}), {@code surveys} (_id = uniqueid of the
 * surveyed call's channel) and {@code callbacks} (fields shared with the AMI branch's call-backs).
 */
public final class MongoIvrRepository implements IvrRepository {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> tickets;

    public MongoIvrRepository(MongoStore store) {
        this.tickets = store.database().getCollection("tickets");
        this.sessions = store.database().getCollection("ivr_sessions");
        this.surveys = store.database().getCollection("surveys");
        this.callbacks = store.database().getCollection("callbacks");
    }

    /** One _id read of the request for both its status and its clocks (they live in the same document). */
    @Override
    public Optional<RequestClocks> requestClocks(String number) {
        Document d = tickets.find(eq("_id", number))
                .projection(Projections.include("status", "clocks"))
                .first();
        if (d == null) return Optional.empty();
        return Optional.of(new RequestClocks(
                d.getString("_id"),
                BsonValues.enumValue(d, "status", TicketStatus.class),
                MongoClockRepository.clocks(d)));
    }

    @Override
    public void saveTrace(IvrTrace t) {
        Document d = document(t);
        if (!insert(d)) saveOther(t, d);
    }

    /**
     * One ordered insertMany for the batch; a duplicate _id (a later script on the same channel)
     * stops it at that document, which is stored the single way, and the rest is inserted again.
     */
    @Override
    public void saveTraces(List<IvrTrace> traces) {
        int from = 0;
        while (from < traces.size()) {
            List<Document> docs = new ArrayList<>(traces.size() - from);
            for (IvrTrace t : traces.subList(from, traces.size())) docs.add(document(t));
            try {
                sessions.insertMany(docs);
                return;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()
                        || e.getWriteErrors().getFirst().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
                int failed = from + e.getWriteErrors().getFirst().getIndex();
                saveTrace(traces.get(failed));
                from = failed + 1;
            }
        }
    }

    private static Document document(IvrTrace t) {
        List<Document> path = new ArrayList<>();
        // compact steps (time as milliseconds after the start, no null fields): the embedded server
        // serializes every document with Java serialization, where each field costs
        for (IvrTrace.Step s : t.path()) {
            Document step = new Document("node", s.node())
                    .append("type", s.type())
                    .append("ms", s.at().toEpochMilli() - t.startedAt().toEpochMilli());
            if (s.input() != null) step.append("input", s.input());
            if (s.result() != null) step.append("result", s.result());
            path.add(step);
        }
        Document d = new Document("_id", t.uniqueId())
                .append("linkedId", t.linkedId())
                .append("threadId", t.threadId())
                .append("channel", t.channel())
                .append("script", t.script())
                .append("phone", t.phone())
                .append("customerId", t.customerId())
                .append("startedAt", BsonValues.date(t.startedAt()))
                .append("endedAt", BsonValues.date(t.endedAt()))
                .append("path", path)
                .append("digits", t.digits())
                .append("outcome", t.outcome())
                .append("queue", t.queue())
                .append("ticket", t.ticket());
        return d;
    }

    private void saveOther(IvrTrace t, Document d) {
        // insert, not upsert: a session is written once at its end, and the embedded server's upsert
        // path costs far more than an insert. The same channel may run several scripts (hotline, then
        // survey after the agent): the first keeps _id = uniqueid, later ones get "<uniqueid>:<script>".
        Document first = sessions.find(eq("_id", t.uniqueId())).first();
        if (first != null && !t.script().equals(first.getString("script"))) {
            d.put("_id", t.uniqueId() + ":" + t.script());
            d.put("uniqueId", t.uniqueId());
        }
        sessions.replaceOne(eq("_id", d.get("_id")), d, UPSERT);
    }

    private boolean insert(Document d) {
        try {
            sessions.insertOne(d);
            return true;
        } catch (MongoException e) {
            if (!BsonValues.duplicateKey(e)) throw e;
            return false;
        }
    }

    @Override
    public Optional<IvrTrace> findTrace(String uniqueId) {
        Document d = sessions.find(eq("_id", uniqueId)).first();
        if (d == null) return Optional.empty();
        List<IvrTrace.Step> path = new ArrayList<>();
        Instant started = BsonValues.instant(d, "startedAt");
        for (Document s : d.getList("path", Document.class, List.of()))
            path.add(new IvrTrace.Step(
                    s.getString("node"),
                    s.getString("type"),
                    started == null ? null : started.plusMillis(((Number) s.get("ms")).longValue()),
                    s.getString("input"),
                    s.getString("result")));
        return Optional.of(new IvrTrace(
                d.getString("uniqueId") != null ? d.getString("uniqueId") : d.getString("_id"),
                d.getString("linkedId"),
                d.getString("threadId"),
                d.getString("channel"),
                d.getString("script"),
                d.getString("phone"),
                d.getString("customerId"),
                BsonValues.instant(d, "startedAt"),
                BsonValues.instant(d, "endedAt"),
                path,
                d.getString("digits"),
                d.getString("outcome"),
                d.getString("queue"),
                d.getString("ticket")));
    }

    @Override
    public void saveSurvey(SurveyResult s) {
        Document d = new Document("_id", s.uniqueId())
                .append("linkedId", s.linkedId())
                .append("agent", s.agent())
                .append("ticket", s.ticket())
                .append("phone", s.phone())
                .append("rating", s.rating())
                .append("callbackRequested", s.callbackRequested())
                .append("at", BsonValues.date(s.at()));
        surveys.replaceOne(eq("_id", s.uniqueId()), d, UPSERT);
    }

    @Override
    public Optional<SurveyResult> findSurvey(String uniqueId) {
        Document d = surveys.find(eq("_id", uniqueId)).first();
        return Optional.ofNullable(d)
                .map(x -> new SurveyResult(
                        x.getString("_id"),
                        x.getString("linkedId"),
                        x.getString("agent"),
                        x.getString("ticket"),
                        x.getString("phone"),
                        x.getInteger("rating", 0),
                        x.getBoolean("callbackRequested", false),
                        BsonValues.instant(x, "at")));
    }

    @Override
    public void saveCallback(Callback c) {
        Document d = new Document("_id", c.id())
                .append("phone", c.phone())
                .append("reason", c.reason())
                .append("source", c.source())
                .append("requestedAt", BsonValues.date(c.requestedAt()))
                .append("dueBy", BsonValues.date(c.dueBy()))
                .append("status", c.status())
                .append("ticket", c.ticket())
                .append("uniqueId", c.uniqueId());
        callbacks.replaceOne(eq("_id", c.id()), d, UPSERT);
    }

    @Override
    public Optional<Callback> findCallback(String id) {
        Document d = callbacks.find(eq("_id", id)).first();
        return Optional.ofNullable(d)
                .map(x -> new Callback(
                        x.getString("_id"),
                        x.getString("phone"),
                        x.getString("reason"),
                        x.getString("source"),
                        BsonValues.instant(x, "requestedAt"),
                        BsonValues.instant(x, "dueBy"),
                        x.getString("status"),
                        x.getString("ticket"),
                        x.getString("uniqueId")));
    }
}
