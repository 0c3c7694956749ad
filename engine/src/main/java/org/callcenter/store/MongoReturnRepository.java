package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.callcenter.returns.ProductReturn;
import org.callcenter.returns.ReturnRepository;

/**
 * Product returns in {@code returns} (_id = return id). {@code month} ("2026-11") is stored so
 * counting a span of months is one range query on it (indexed against a real MongoDB).
 */
public final class MongoReturnRepository implements ReturnRepository {
    private final MongoCollection<Document> returns;

    public MongoReturnRepository(MongoStore mongo) {
        this.returns = mongo.database().getCollection("returns");
        // for a real MongoDB; the embedded server does not implement non-unique indexes
        if (!mongo.embedded()) {
            returns.createIndex(Indexes.ascending("customerId"));
            returns.createIndex(Indexes.ascending("month"));
        }
    }

    @Override
    public void insert(ProductReturn r) {
        returns.insertOne(new Document("_id", r.id())
                .append("customerId", r.customerId())
                .append("installationId", r.installationId())
                .append("product", r.product())
                .append("serial", r.serial())
                .append("ticketNumber", r.ticketNumber())
                .append("condition", BsonValues.name(r.condition()))
                .append("reason", r.reason())
                .append("comments", r.comments())
                .append("recordedBy", r.recordedBy())
                .append("recordedAt", BsonValues.date(r.recordedAt()))
                .append("month", r.month()));
    }

    @Override
    public List<ProductReturn> ofCustomer(String customerId) {
        List<ProductReturn> out = new ArrayList<>();
        for (Document d : returns.find(eq("customerId", customerId)).sort(Sorts.descending("recordedAt")))
            out.add(read(d));
        return out;
    }

    @Override
    public Map<String, Long> countByMonth(String fromMonth, String toMonth) {
        Map<String, Long> out = new TreeMap<>();
        for (Document d : returns.find(and(gte("month", fromMonth), lte("month", toMonth)))
                .projection(Projections.include("month"))) out.merge(d.getString("month"), 1L, Long::sum);
        return out;
    }

    private static ProductReturn read(Document d) {
        return new ProductReturn(
                d.getString("_id"),
                d.getString("customerId"),
                d.getString("installationId"),
                d.getString("product"),
                d.getString("serial"),
                d.getString("ticketNumber"),
                BsonValues.enumValue(d, "condition", ProductReturn.GoodsCondition.class),
                d.getString("reason"),
                d.getString("comments"),
                d.getString("recordedBy"),
                BsonValues.instant(d, "recordedAt"),
                d.getString("month"));
    }
}
