package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.ivr.SurveyResult;
import org.callcenter.quality.ReportRepository;

/**
 * Report reads over {@code tickets}, {@code visits}, {@code surveys}, {@code calls} and {@code returns}
 * (plus the {@code agents} directory, to name survey agents by username): one range
 * query per collection, projected to the few fields a report needs and streamed in batches; request
 * lookups by _id. Produced reports live in {@code reports} (_id e.g. {@code monthly:2026-11}). On a
 * real MongoDB the range fields are indexed; the embedded server scans, once per collection.
 */
public final class MongoReportRepository implements ReportRepository {
    private static final int BATCH = 2000;
    /**
     * Whole {@code clocks} rather than {@code clocks.<name>.state} paths: the embedded server applies
     * dotted projections slowly (a month's scan of 100,000 requests took 4.2 s with them, 2.3 s without).
     */
    private static final Bson TICKET_FIELDS =
            Projections.include("createdBy", "product", "category", "channel", "status", "openedAt", "clocks");

    private final MongoCollection<Document> tickets;
    private final MongoCollection<Document> visits;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> returns;
    private final MongoCollection<Document> agents;

    public MongoReportRepository(MongoStore store) {
        var db = store.database();
        this.tickets = db.getCollection("tickets");
        this.visits = db.getCollection("visits");
        this.surveys = db.getCollection("surveys");
        this.calls = db.getCollection("calls");
        this.reports = db.getCollection("reports");
        this.returns = db.getCollection("returns");
        this.agents = db.getCollection("agents");
        if (!store.embedded()) {
            tickets.createIndex(Indexes.ascending("openedAt"));
            visits.createIndex(Indexes.ascending("appointmentStart"));
            visits.createIndex(Indexes.ascending("ratedAt"));
            surveys.createIndex(Indexes.ascending("at"));
            calls.createIndex(Indexes.ascending("startedAt"));
        }
    }

    @Override
    public void forEachTicket(Instant from, Instant to, Consumer<TicketFacts> consumer) {
        tickets.find(between("openedAt", Date.from(from), Date.from(to)))
                .projection(TICKET_FIELDS)
                .batchSize(BATCH)
                .forEach(d -> consumer.accept(ticket(d)));
    }

    @Override
    public List<TicketFacts> tickets(Collection<String> numbers) {
        List<TicketFacts> out = new ArrayList<>(numbers.size());
        List<String> batch = new ArrayList<>(BATCH);
        for (String n : numbers) {
            batch.add(n);
            if (batch.size() == BATCH) {
                tickets.find(in("_id", batch)).projection(TICKET_FIELDS).forEach(d -> out.add(ticket(d)));
                batch.clear();
            }
        }
        if (!batch.isEmpty())
            tickets.find(in("_id", batch)).projection(TICKET_FIELDS).forEach(d -> out.add(ticket(d)));
        return out;
    }

    @Override
    public void forEachVisit(Instant from, Instant to, Consumer<VisitFacts> consumer) {
        Date f = Date.from(from);
        Date t = Date.from(to);
        visits.find(or(between("appointmentStart", f, t), between("ratedAt", f, t)))
                .projection(Projections.exclude("report", "customerId", "ticketNumber"))
                .batchSize(BATCH)
                .forEach(d -> consumer.accept(new VisitFacts(
                        String.valueOf(d.get("_id")),
                        d.getString("ticketId"),
                        d.getString("technicianId"),
                        BsonValues.instant(d, "appointmentStart"),
                        BsonValues.instant(d, "arrivedAt"),
                        d.get("punctual") instanceof Boolean b ? b : null,
                        d.get("minutesLate") instanceof Number n ? n.intValue() : null,
                        d.get("rating") instanceof Number n ? n.intValue() : null,
                        BsonValues.instant(d, "ratedAt"))));
    }

    @Override
    public void forEachSurvey(Instant from, Instant to, Consumer<SurveyResult> consumer) {
        surveys.find(between("at", Date.from(from), Date.from(to)))
                .batchSize(BATCH)
                .forEach(x -> consumer.accept(new SurveyResult(
                        x.getString("_id"),
                        x.getString("linkedId"),
                        x.getString("agent"),
                        x.getString("ticket"),
                        x.getString("phone"),
                        x.getInteger("rating", 0),
                        x.getBoolean("callbackRequested", false),
                        BsonValues.instant(x, "at"))));
    }

    @Override
    public void forEachCall(Instant from, Instant to, Consumer<CallFacts> consumer) {
        // call records are stored as their JSON: instants are ISO-8601 strings (UTC, 'Z'), which order
        // as text; the bounds are compared as text too and the exact check is done on the parsed value
        calls.find(and(gte("startedAt", from.toString().substring(0, 19)), lt("startedAt", to.toString())))
                .projection(Projections.include(
                        "agent", "outcome", "startedAt", "waitSeconds", "talkSeconds", "ticketNumber"))
                .batchSize(BATCH)
                .forEach(d -> {
                    Instant started = Instant.parse(d.getString("startedAt"));
                    if (started.isBefore(from) || !started.isBefore(to)) return;
                    consumer.accept(new CallFacts(
                            String.valueOf(d.get("_id")),
                            d.getString("agent"),
                            d.getString("outcome"),
                            started,
                            d.get("waitSeconds") instanceof Number n ? n.longValue() : null,
                            d.get("talkSeconds") instanceof Number n ? n.longValue() : null,
                            d.getString("ticketNumber")));
                });
    }

    /** {@code returns.month} is indexed by the returns domain on a real MongoDB. */
    @Override
    public void forEachReturn(String month, Consumer<ReturnFacts> consumer) {
        returns.find(new Document("month", month))
                .projection(Projections.include("product", "condition"))
                .batchSize(BATCH)
                .forEach(d -> consumer.accept(new ReturnFacts(d.getString("product"), d.getString("condition"))));
    }

    @Override
    public List<AgentFacts> agents() {
        List<AgentFacts> out = new ArrayList<>();
        agents.find()
                .projection(Projections.include("interface"))
                .forEach(d -> out.add(new AgentFacts(String.valueOf(d.get("_id")), d.getString("interface"))));
        return out;
    }

    @Override
    public void saveReport(String id, String json, Instant generatedAt) {
        reports.replaceOne(
                new Document("_id", id),
                new Document("_id", id)
                        .append("generatedAt", Date.from(generatedAt))
                        .append("json", json),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<String> findReport(String id) {
        return Optional.ofNullable(reports.find(new Document("_id", id)).first())
                .map(d -> d.getString("json"));
    }

    private static Bson between(String field, Date from, Date to) {
        return and(gte(field, from), lt(field, to));
    }

    private static TicketFacts ticket(Document d) {
        Map<String, ReportRepository.ClockOutcome> clocks = new HashMap<>();
        Document all = d.get("clocks", Document.class);
        if (all != null)
            for (String key : all.keySet()) {
                Document c = all.get(key, Document.class);
                if (c == null) continue;
                String state = c.getString("state");
                ClockOutcome outcome = c.get("breachedAt") != null || "breached".equals(state)
                        ? ClockOutcome.BREACHED
                        : "met".equals(state)
                                ? ClockOutcome.MET
                                : "cancelled".equals(state) ? ClockOutcome.CANCELLED : ClockOutcome.OPEN;
                clocks.put(key, outcome);
            }
        return new TicketFacts(
                d.getString("_id"),
                d.getString("createdBy"),
                d.getString("product"),
                d.getString("category"),
                d.getString("channel"),
                d.getString("status"),
                BsonValues.instant(d, "openedAt"),
                clocks);
    }
}
