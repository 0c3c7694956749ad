package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.common.JsonMapper;
import org.callcenter.followup.CustomerFacts;
import org.callcenter.followup.Delivery;
import org.callcenter.followup.FollowUp;
import org.callcenter.followup.FollowupRepository;

/**
 * Follow-ups in {@code followups} by the deterministic _id {@code customerId:quarter}; planning facts
 * through {@link MongoFollowupFacts}; departures heard on the event bus in {@code followup_visits},
 * deliveries in {@code deliveries}.
 */
public final class MongoFollowupRepository implements FollowupRepository {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private final MongoCollection<Document> followups;
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> heardVisits;
    private final MongoCollection<Document> deliveries;
    private final MongoFollowupFacts facts;

    public MongoFollowupRepository(MongoStore store) {
        var db = store.database();
        this.followups = db.getCollection("followups");
        this.customers = db.getCollection("customers");
        this.callbacks = db.getCollection("callbacks");
        this.heardVisits = db.getCollection("followup_visits");
        this.deliveries = db.getCollection("deliveries");
        this.facts = new MongoFollowupFacts(db);
    }

    @Override
    public Optional<FollowUp> find(String id) {
        return Optional.ofNullable(followups.find(eq("_id", id)).first()).map(MongoFollowupRepository::read);
    }

    @Override
    public void save(FollowUp f) {
        Document doc = Document.parse(JsonMapper.write(f));
        doc.remove("id");
        doc.put("_id", f.id());
        followups.replaceOne(eq("_id", f.id()), doc, UPSERT);
    }

    @Override
    public List<FollowUp> open() { // enums are stored lower-case (JsonMapper)
        List<FollowUp> out = new ArrayList<>();
        for (Document d : followups.find(eq("status", "open"))) out.add(read(d));
        return out;
    }

    @Override
    public List<FollowUp> needingNumber() {
        List<FollowUp> out = new ArrayList<>();
        for (Document d : followups.find(eq("status", "needs_number"))) out.add(read(d));
        return out;
    }

    @Override
    public List<FollowUp> ofQuarter(String quarter) {
        List<FollowUp> out = new ArrayList<>();
        for (Document d : followups.find(eq("quarter", quarter))) out.add(read(d));
        return out;
    }

    @Override
    public void forEachCustomer(Consumer<CustomerFacts> consumer) {
        facts.forEachCustomer(consumer);
    }

    @Override
    public Optional<CustomerFacts> factsOf(String customerId) {
        return facts.factsOf(customerId);
    }

    @Override
    public ZoneId zoneOf(String customerId) {
        return MongoFollowupFacts.zone(customers
                .find(eq("_id", customerId))
                .projection(Projections.include("timeZone"))
                .first());
    }

    @Override
    public boolean departed(String customerId, CustomerFacts.Departed visit, String technicianId, String consent) {
        if (customers.find(eq("_id", customerId)).first() == null) return false;
        Document doc = new Document("_id", visit.visitId())
                .append("customerId", customerId)
                .append("ticketNumber", visit.ticketNumber())
                .append("technicianId", technicianId)
                .append("consent", consent)
                .append("departedAt", BsonValues.date(visit.departedAt()));
        heardVisits.replaceOne(eq("_id", visit.visitId()), doc, UPSERT);
        return true;
    }

    @Override
    public boolean addDelivery(Delivery d) {
        if (customers.find(eq("_id", d.customerId())).first() == null) return false;
        deliveries.insertOne(new Document("_id", d.id())
                .append("customerId", d.customerId())
                .append("installationId", d.installationId())
                .append("product", d.product())
                .append("deliveredAt", BsonValues.date(d.deliveredAt()))
                .append("reference", d.reference())
                .append("recordedBy", d.recordedBy())
                .append("createdAt", BsonValues.date(d.createdAt())));
        return true;
    }

    @Override
    public List<Delivery> deliveriesOf(String customerId) {
        List<Delivery> out = new ArrayList<>();
        for (Document d : deliveries.find(eq("customerId", customerId)).sort(new Document("deliveredAt", -1)))
            out.add(new Delivery(
                    d.getString("_id"),
                    d.getString("customerId"),
                    d.getString("installationId"),
                    d.getString("product"),
                    BsonValues.instant(d, "deliveredAt"),
                    d.getString("reference"),
                    d.getString("recordedBy"),
                    BsonValues.instant(d, "createdAt")));
        return out;
    }

    @Override
    public void closeCallbacks(List<String> callbackIds, String doneBy) {
        for (String id : callbackIds)
            callbacks.updateOne(
                    eq("_id", id),
                    com.mongodb.client.model.Updates.combine(
                            com.mongodb.client.model.Updates.set("status", "done"),
                            com.mongodb.client.model.Updates.set("doneBy", doneBy)));
    }

    @Override
    public List<String> phonesOf(String customerId) {
        Document d = customers.find(eq("_id", customerId)).first();
        if (d == null) return List.of();
        List<String> out = new ArrayList<>(BsonValues.strings(d, "phones"));
        for (Document k : BsonValues.documents(d, "contacts"))
            for (String p : BsonValues.strings(k, "phones")) if (!out.contains(p)) out.add(p);
        return out;
    }

    private static FollowUp read(Document d) {
        d.put("id", d.remove("_id"));
        return JsonMapper.read(d.toJson(), FollowUp.class);
    }
}
