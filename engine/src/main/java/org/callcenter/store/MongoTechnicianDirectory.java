package org.callcenter.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.quality.TechnicianDirectory;

/** Reads technicians from {@code technicians} (owned by dispatch): _id, name, region. */
public final class MongoTechnicianDirectory implements TechnicianDirectory {
    private static final Bson FIELDS = Projections.include("name", "region");
    private final MongoCollection<Document> technicians;

    public MongoTechnicianDirectory(MongoStore store) {
        this.technicians = store.database().getCollection("technicians");
    }

    @Override
    public Optional<Technician> find(String id) {
        return Optional.ofNullable(
                        technicians.find(eq("_id", id)).projection(FIELDS).first())
                .map(MongoTechnicianDirectory::technician);
    }

    @Override
    public List<Technician> all() {
        List<Technician> out = new ArrayList<>();
        technicians.find().projection(FIELDS).batchSize(1000).forEach(d -> out.add(technician(d)));
        out.sort(Comparator.comparing(Technician::id));
        return out;
    }

    private static Technician technician(Document d) {
        return new Technician(String.valueOf(d.get("_id")), d.getString("name"), d.getString("region"));
    }
}
