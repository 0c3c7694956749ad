package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.dispatch.Consent;
import org.callcenter.dispatch.Visit;
import org.callcenter.dispatch.VisitRepository;

/**
 * Visits in {@code visits} (_id = visit id). Fields not known yet (arrivedAt, rating, ...) are absent,
 * not null; every step is a conditional update on that absence, so it happens once.
 */
public final class MongoVisitRepository implements VisitRepository {
    private final MongoCollection<Document> col;

    public MongoVisitRepository(MongoStore store) {
        this.col = store.database().getCollection("visits");
        col.createIndex(Indexes.ascending("ticketNumber"));
        col.createIndex(Indexes.ascending("customerPhone"));
        col.createIndex(Indexes.ascending("customerId"));
    }

    @Override
    public void insert(Visit v) {
        col.insertOne(toDoc(v));
    }

    @Override
    public Optional<Visit> find(String id) {
        return Optional.ofNullable(col.find(eq("_id", id)).first()).map(MongoVisitRepository::read);
    }

    @Override
    public List<Visit> forTicket(String ticketNumber) {
        return list(col.find(eq("ticketNumber", ticketNumber)).sort(Sorts.ascending("assignedAt")));
    }

    @Override
    public List<Visit> forCustomer(String customerId, int limit) {
        return list(col.find(eq("customerId", customerId))
                .sort(Sorts.descending("assignedAt"))
                .limit(limit));
    }

    @Override
    public Optional<Visit> latestUnratedForPhone(String phone) {
        return list(col.find(and(eq("customerPhone", phone), exists("rating", false)))
                        .sort(Sorts.descending("assignedAt"))
                        .limit(1))
                .stream()
                .findFirst();
    }

    @Override
    public boolean technicianBusy(String technicianId) {
        Bson unfinished =
                com.mongodb.client.model.Filters.or(ne("consent", Consent.GIVEN.wire()), exists("departedAt", false));
        return col.find(and(eq("technicianId", technicianId), unfinished)).first() != null;
    }

    @Override
    public List<Visit> pendingConsent() {
        return list(col.find(eq("consent", Consent.PENDING.wire())));
    }

    @Override
    public boolean setAppointment(String id, Instant start, Instant end, Instant now) {
        return set(
                and(eq("_id", id), exists("arrivedAt", false)),
                Updates.set("appointmentStart", BsonValues.date(start)),
                Updates.set("appointmentEnd", BsonValues.date(end)),
                Updates.set("updatedAt", BsonValues.date(now)));
    }

    @Override
    public boolean arrived(String id, Instant at, Boolean punctual, Integer minutesLate) {
        List<Bson> updates = new ArrayList<>(
                List.of(Updates.set("arrivedAt", BsonValues.date(at)), Updates.set("updatedAt", BsonValues.date(at))));
        if (punctual != null) updates.add(Updates.set("punctual", punctual));
        if (minutesLate != null) updates.add(Updates.set("minutesLate", minutesLate));
        return set(and(eq("_id", id), exists("arrivedAt", false)), updates.toArray(Bson[]::new));
    }

    @Override
    public boolean departed(String id, Instant at, Consent consent, String report) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("departedAt", BsonValues.date(at)),
                Updates.set("consent", consent.wire()),
                Updates.set("updatedAt", BsonValues.date(at))));
        if (report != null) updates.add(Updates.set("report", report));
        return set(
                and(eq("_id", id), exists("arrivedAt", true), exists("departedAt", false)),
                updates.toArray(Bson[]::new));
    }

    @Override
    public boolean consented(String id, Instant at) {
        return set(
                and(eq("_id", id), ne("consent", Consent.GIVEN.wire())),
                Updates.set("consent", Consent.GIVEN.wire()),
                Updates.set("consentAt", BsonValues.date(at)),
                Updates.set("updatedAt", BsonValues.date(at)));
    }

    @Override
    public boolean rated(String id, int rating, Instant at) {
        return set(
                and(eq("_id", id), exists("rating", false)),
                Updates.set("rating", rating),
                Updates.set("ratedAt", BsonValues.date(at)),
                Updates.set("updatedAt", BsonValues.date(at)));
    }

    @Override
    public boolean report(String id, String text, Instant now) {
        return set(eq("_id", id), Updates.set("report", text), Updates.set("updatedAt", BsonValues.date(now)));
    }

    private boolean set(Bson filter, Bson... updates) {
        return col.updateOne(filter, Updates.combine(updates)).getModifiedCount() > 0;
    }

    private static List<Visit> list(Iterable<Document> docs) {
        List<Visit> out = new ArrayList<>();
        for (Document d : docs) out.add(read(d));
        return out;
    }

    private static Document toDoc(Visit v) {
        Document d = new Document("_id", v.id())
                .append("ticketId", v.ticketId())
                .append("ticketNumber", v.ticketNumber())
                .append("customerId", v.customerId())
                .append("technicianId", v.technicianId());
        put(d, "appointmentStart", BsonValues.date(v.appointmentStart()));
        put(d, "appointmentEnd", BsonValues.date(v.appointmentEnd()));
        put(d, "arrivedAt", BsonValues.date(v.arrivedAt()));
        put(d, "departedAt", BsonValues.date(v.departedAt()));
        put(d, "punctual", v.punctual());
        put(d, "minutesLate", v.minutesLate());
        d.append("consent", v.consent().wire());
        put(d, "rating", v.rating());
        put(d, "ratedAt", BsonValues.date(v.ratedAt()));
        put(d, "report", v.report());
        put(d, "customerPhone", v.customerPhone());
        put(d, "language", v.language());
        put(d, "assignedAt", BsonValues.date(v.assignedAt()));
        put(d, "consentAt", BsonValues.date(v.consentAt()));
        put(d, "updatedAt", BsonValues.date(v.updatedAt()));
        return d;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) d.append(key, value);
    }

    private static Visit read(Document d) {
        return new Visit(
                d.getString("_id"),
                d.getString("ticketId"),
                d.getString("ticketNumber"),
                d.getString("customerId"),
                d.getString("technicianId"),
                BsonValues.instant(d, "appointmentStart"),
                BsonValues.instant(d, "appointmentEnd"),
                BsonValues.instant(d, "arrivedAt"),
                BsonValues.instant(d, "departedAt"),
                d.getBoolean("punctual"),
                d.getInteger("minutesLate"),
                Consent.fromWire(d.getString("consent")),
                d.getInteger("rating"),
                BsonValues.instant(d, "ratedAt"),
                d.getString("report"),
                d.getString("customerPhone"),
                d.getString("language"),
                BsonValues.instant(d, "assignedAt"),
                BsonValues.instant(d, "consentAt"),
                BsonValues.instant(d, "updatedAt"));
    }
}
