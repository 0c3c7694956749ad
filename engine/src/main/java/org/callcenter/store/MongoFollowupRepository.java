package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.common.JsonMapper;
import org.callcenter.followup.CustomerFacts;
import org.callcenter.followup.FollowUp;
import org.callcenter.followup.FollowupRepository;

/**
 * Follow-ups in {@code followups} by the deterministic _id {@code customerId:quarter}; planning facts
 * read from {@code customers}, {@code installations}, {@code callbacks} (open ones, matched to a
 * customer through the {@code phones} index by _id).
 */
public final class MongoFollowupRepository implements FollowupRepository {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private final MongoCollection<Document> followups;
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> installations;
    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> phones;

    public MongoFollowupRepository(MongoStore store) {
        var db = store.database();
        this.followups = db.getCollection("followups");
        this.customers = db.getCollection("customers");
        this.installations = db.getCollection("installations");
        this.callbacks = db.getCollection("callbacks");
        this.phones = db.getCollection("phones");
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
    public List<FollowUp> ofQuarter(String quarter) {
        List<FollowUp> out = new ArrayList<>();
        for (Document d : followups.find(eq("quarter", quarter))) out.add(read(d));
        return out;
    }

    @Override
    public void forEachCustomer(Consumer<CustomerFacts> consumer) {
        Map<String, List<CustomerFacts.InstalledOn>> installed = new HashMap<>();
        for (Document d : installations.find().projection(Projections.include("customerId", "installedOn"))) {
            LocalDate on = BsonValues.localDate(d, "installedOn");
            installed
                    .computeIfAbsent(d.getString("customerId"), k -> new ArrayList<>())
                    .add(new CustomerFacts.InstalledOn(d.getString("_id"), on));
        }
        Map<String, List<CustomerFacts.OpenCallback>> open = new HashMap<>();
        for (Document d : callbacks.find(eq("status", "open"))) {
            Document owner = d.getString("phone") == null
                    ? null
                    : phones.find(eq("_id", d.getString("phone"))).first();
            Instant at = requestedAt(d);
            if (owner == null || at == null) continue; // not a known customer: stays in the call-back list
            open.computeIfAbsent(owner.getString("customerId"), k -> new ArrayList<>())
                    .add(new CustomerFacts.OpenCallback(String.valueOf(d.get("_id")), at));
        }
        for (Document d : customers.find().projection(Projections.include("_id"))) {
            String id = d.getString("_id");
            consumer.accept(
                    new CustomerFacts(id, installed.getOrDefault(id, List.of()), open.getOrDefault(id, List.of())));
        }
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

    /** IVR call-backs store requestedAt as a date, abandoned-call ones createdAt as ISO text. */
    private static Instant requestedAt(Document d) {
        for (String key : List.of("requestedAt", "createdAt")) {
            Object v = d.get(key);
            if (v instanceof Date date) return date.toInstant();
            if (v instanceof String s) return Instant.parse(s);
        }
        return null;
    }

    private static FollowUp read(Document d) {
        d.put("id", d.remove("_id"));
        return JsonMapper.read(d.toJson(), FollowUp.class);
    }
}
