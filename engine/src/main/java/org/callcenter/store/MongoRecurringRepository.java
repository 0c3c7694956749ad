package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.callcenter.quality.QualityEvents;
import org.callcenter.quality.RecurringRepository;

/**
 * Running counts in {@code problem_counts} (_id {@code period|product|category}, $inc by _id) and key
 * warnings in {@code key_warnings} (_id {@code period|product|category}: raised once).
 */
public final class MongoRecurringRepository implements RecurringRepository {
    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> warnings;

    public MongoRecurringRepository(MongoStore store) {
        this.counts = store.database().getCollection("problem_counts");
        this.warnings = store.database().getCollection("key_warnings");
        if (!store.embedded()) warnings.createIndex(com.mongodb.client.model.Indexes.ascending("period"));
    }

    private static String id(String product, String category, String period) {
        return period + "|" + product + "|" + category;
    }

    @Override
    public long increment(String product, String category, String period) {
        Document d = counts.findOneAndUpdate(
                eq("_id", id(product, category, period)),
                Updates.combine(
                        Updates.inc("count", 1L),
                        Updates.set("product", product),
                        Updates.set("category", category),
                        Updates.set("period", period)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return d == null ? 1 : BsonValues.longValue(d, "count");
    }

    @Override
    public long count(String product, String category, String period) {
        Document d = counts.find(eq("_id", id(product, category, period))).first();
        return d == null ? 0 : BsonValues.longValue(d, "count");
    }

    @Override
    public boolean insertWarning(QualityEvents.KeyWarning w) {
        try {
            warnings.insertOne(new Document("_id", id(w.product(), w.category(), w.period()))
                    .append("product", w.product())
                    .append("category", w.category())
                    .append("route", w.route())
                    .append("period", w.period())
                    .append("count", w.count())
                    .append("previous", w.previous())
                    .append("at", BsonValues.date(w.at())));
            return true;
        } catch (MongoException e) {
            if (BsonValues.duplicateKey(e)) return false;
            throw e;
        }
    }

    @Override
    public List<QualityEvents.KeyWarning> warnings(String period) {
        List<QualityEvents.KeyWarning> out = new ArrayList<>();
        warnings.find(eq("period", period))
                .forEach(d -> out.add(new QualityEvents.KeyWarning(
                        d.getString("product"),
                        d.getString("category"),
                        d.getString("route"),
                        d.getString("period"),
                        BsonValues.longValue(d, "count"),
                        BsonValues.longValue(d, "previous"),
                        BsonValues.instant(d, "at"))));
        out.sort(java.util.Comparator.comparing(QualityEvents.KeyWarning::at));
        return out;
    }
}
