package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.followup.CustomerFacts;

/**
 * Reads what follow-up planning needs per customer: {@code installations}, open {@code callbacks}
 * (matched to a customer through {@code phones}), departed visits (the dispatch-owned {@code visits}
 * collection and the departures the engine heard on the event bus, {@code followup_visits}),
 * {@code deliveries}, and the customer's {@code timeZone}.
 */
final class MongoFollowupFacts {
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> installations;
    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> phones;
    private final MongoCollection<Document> visits;
    private final MongoCollection<Document> heardVisits;
    private final MongoCollection<Document> deliveries;

    MongoFollowupFacts(MongoDatabase db) {
        this.customers = db.getCollection("customers");
        this.installations = db.getCollection("installations");
        this.callbacks = db.getCollection("callbacks");
        this.phones = db.getCollection("phones");
        this.visits = db.getCollection("visits");
        this.heardVisits = db.getCollection("followup_visits");
        this.deliveries = db.getCollection("deliveries");
    }

    void forEachCustomer(Consumer<CustomerFacts> consumer) {
        Loaded all = load(null);
        for (Document d : customers.find().projection(Projections.include("_id", "timeZone")))
            consumer.accept(all.facts(d));
    }

    Optional<CustomerFacts> factsOf(String customerId) {
        Document d = customers
                .find(eq("_id", customerId))
                .projection(Projections.include("_id", "timeZone"))
                .first();
        return d == null ? Optional.empty() : Optional.of(load(customerId).facts(d));
    }

    /** The customer's zone; null when none is set or the stored id is not a zone. */
    static ZoneId zone(Document customer) {
        String id = customer == null ? null : customer.getString("timeZone");
        if (id == null || id.isBlank()) return null;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private record Loaded(
            Map<String, List<CustomerFacts.InstalledOn>> installed,
            Map<String, List<CustomerFacts.OpenCallback>> open,
            Map<String, Map<String, CustomerFacts.Departed>> departed,
            Map<String, List<CustomerFacts.Delivered>> delivered) {
        CustomerFacts facts(Document customer) {
            String id = customer.getString("_id");
            return new CustomerFacts(
                    id,
                    installed.getOrDefault(id, List.of()),
                    open.getOrDefault(id, List.of()),
                    List.copyOf(departed.getOrDefault(id, Map.of()).values()),
                    delivered.getOrDefault(id, List.of()),
                    zone(customer));
        }
    }

    /** Everything (customerId null) or one customer's facts. */
    private Loaded load(String customerId) {
        Bson mine = customerId == null ? new Document() : eq("customerId", customerId);
        Map<String, List<CustomerFacts.InstalledOn>> installed = new HashMap<>();
        for (Document d : installations.find(mine).projection(Projections.include("customerId", "installedOn"))) {
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
            if (customerId != null && !customerId.equals(owner.getString("customerId"))) continue;
            open.computeIfAbsent(owner.getString("customerId"), k -> new ArrayList<>())
                    .add(new CustomerFacts.OpenCallback(String.valueOf(d.get("_id")), at));
        }
        Map<String, Map<String, CustomerFacts.Departed>> departed = new HashMap<>();
        Bson left = customerId == null
                ? Filters.and(exists("departedAt"), ne("departedAt", null))
                : Filters.and(mine, exists("departedAt"), ne("departedAt", null));
        for (MongoCollection<Document> source : List.of(visits, heardVisits))
            for (Document d : source.find(left)) {
                Instant at = instant(d.get("departedAt"));
                if (at == null || d.getString("customerId") == null) continue;
                String visitId = String.valueOf(d.get("_id"));
                departed.computeIfAbsent(d.getString("customerId"), k -> new LinkedHashMap<>())
                        .putIfAbsent(visitId, new CustomerFacts.Departed(visitId, d.getString("ticketNumber"), at));
            }
        Map<String, List<CustomerFacts.Delivered>> delivered = new HashMap<>();
        for (Document d : deliveries.find(mine)) {
            Instant at = instant(d.get("deliveredAt"));
            if (at == null) continue;
            delivered
                    .computeIfAbsent(d.getString("customerId"), k -> new ArrayList<>())
                    .add(new CustomerFacts.Delivered(d.getString("_id"), d.getString("product"), at));
        }
        return new Loaded(installed, open, departed, delivered);
    }

    private static Instant instant(Object v) {
        if (v instanceof Date date) return date.toInstant();
        if (v instanceof String s && !s.isBlank()) return Instant.parse(s);
        return null;
    }

    /** IVR call-backs store requestedAt as a date, abandoned-call ones createdAt as ISO text. */
    private static Instant requestedAt(Document d) {
        for (String key : List.of("requestedAt", "createdAt")) {
            Instant at = instant(d.get(key));
            if (at != null) return at;
        }
        return null;
    }
}
