package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.customers.Region;
import org.callcenter.dispatch.Technician;
import org.callcenter.dispatch.TechnicianRepository;

/** Technicians in {@code technicians} (_id = technician id; region lower-case; dates as BSON dates). */
public final class MongoTechnicianRepository implements TechnicianRepository {
    private final MongoCollection<Document> col;

    public MongoTechnicianRepository(MongoStore store) {
        this.col = store.database().getCollection("technicians");
        col.createIndex(Indexes.ascending("mobile"));
    }

    @Override
    public void insert(Technician t) {
        col.insertOne(toDoc(t));
    }

    @Override
    public Optional<Technician> find(String id) {
        return Optional.ofNullable(col.find(eq("_id", id)).first()).map(MongoTechnicianRepository::read);
    }

    @Override
    public Optional<Technician> findByMobile(String mobile) {
        return Optional.ofNullable(col.find(eq("mobile", mobile)).first()).map(MongoTechnicianRepository::read);
    }

    @Override
    public List<Technician> list() {
        List<Technician> out = new ArrayList<>();
        for (Document d : col.find()) out.add(read(d));
        return out;
    }

    @Override
    public boolean replace(Technician t) {
        return col.replaceOne(eq("_id", t.id()), toDoc(t)).getMatchedCount() > 0;
    }

    @Override
    public boolean delete(String id) {
        return col.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }

    private static Document toDoc(Technician t) {
        return new Document("_id", t.id())
                .append("name", t.name())
                .append("mobile", t.mobile())
                .append("region", BsonValues.name(t.region()))
                .append("skills", t.skills())
                .append("onDuty", t.onDuty())
                .append("createdAt", BsonValues.date(t.createdAt()))
                .append("updatedAt", BsonValues.date(t.updatedAt()));
    }

    private static Technician read(Document d) {
        return new Technician(
                d.getString("_id"),
                d.getString("name"),
                d.getString("mobile"),
                BsonValues.enumValue(d, "region", Region.class),
                BsonValues.strings(d, "skills"),
                d.getBoolean("onDuty", false),
                BsonValues.instant(d, "createdAt"),
                BsonValues.instant(d, "updatedAt"));
    }
}
