package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.quality.Complaint;
import org.callcenter.quality.ComplaintRepository;
import org.callcenter.quality.LadderDecision;
import org.callcenter.quality.LadderStep;

/**
 * Complaints in {@code complaints} and ladder decisions in {@code ladder_decisions} (_id
 * {@code technician:step:complaint}, so one step is decided once per complaint). Complaints are few:
 * the embedded server's scans for a technician or a window stay small; a real MongoDB gets indexes.
 */
public final class MongoComplaintRepository implements ComplaintRepository {
    private final MongoCollection<Document> complaints;
    private final MongoCollection<Document> decisions;

    public MongoComplaintRepository(MongoStore store) {
        this.complaints = store.database().getCollection("complaints");
        this.decisions = store.database().getCollection("ladder_decisions");
        if (!store.embedded()) {
            complaints.createIndex(
                    Indexes.compoundIndex(Indexes.ascending("technicianId"), Indexes.ascending("registeredAt")));
            complaints.createIndex(Indexes.ascending("registeredAt"));
            complaints.createIndex(Indexes.ascending("ticketId"));
            decisions.createIndex(
                    Indexes.compoundIndex(Indexes.ascending("technicianId"), Indexes.ascending("decidedAt")));
        }
    }

    @Override
    public void insert(Complaint c) {
        complaints.insertOne(toDocument(c));
    }

    @Override
    public Optional<Complaint> find(String id) {
        return Optional.ofNullable(complaints.find(eq("_id", id)).first()).map(MongoComplaintRepository::fromDocument);
    }

    @Override
    public void save(Complaint c) {
        complaints.replaceOne(eq("_id", c.id()), toDocument(c));
    }

    @Override
    public List<Complaint> ofTechnician(String technicianId, Instant since) {
        return list(and(eq("technicianId", technicianId), gte("registeredAt", BsonValues.date(since))));
    }

    @Override
    public List<Complaint> ofTicket(String ticketId) {
        return list(eq("ticketId", ticketId)).reversed();
    }

    @Override
    public List<Complaint> registeredBetween(Instant from, Instant to) {
        return list(and(gte("registeredAt", BsonValues.date(from)), lt("registeredAt", BsonValues.date(to))));
    }

    private List<Complaint> list(Bson filter) {
        List<Complaint> out = new ArrayList<>();
        complaints.find(filter).forEach(d -> out.add(fromDocument(d)));
        out.sort(Comparator.comparing(Complaint::registeredAt).thenComparing(Complaint::id));
        return out;
    }

    @Override
    public boolean insertDecision(LadderDecision d) {
        try {
            decisions.insertOne(new Document("_id", d.id())
                    .append("technicianId", d.technicianId())
                    .append("step", BsonValues.name(d.step()))
                    .append("complaintId", d.complaintId())
                    .append("decidedBy", d.decidedBy())
                    .append("decidedAt", BsonValues.date(d.decidedAt()))
                    .append("note", d.note()));
            return true;
        } catch (MongoException e) {
            if (BsonValues.duplicateKey(e)) return false;
            throw e;
        }
    }

    @Override
    public List<LadderDecision> decisionsOf(String technicianId, Instant since) {
        return decisions(and(eq("technicianId", technicianId), gte("decidedAt", BsonValues.date(since))));
    }

    @Override
    public List<LadderDecision> decisionsBetween(Instant from, Instant to) {
        return decisions(and(gte("decidedAt", BsonValues.date(from)), lt("decidedAt", BsonValues.date(to))));
    }

    private List<LadderDecision> decisions(Bson filter) {
        List<LadderDecision> out = new ArrayList<>();
        decisions
                .find(filter)
                .forEach(d -> out.add(new LadderDecision(
                        d.getString("_id"),
                        d.getString("technicianId"),
                        BsonValues.enumValue(d, "step", LadderStep.class),
                        d.getString("complaintId"),
                        d.getString("decidedBy"),
                        BsonValues.instant(d, "decidedAt"),
                        d.getString("note"))));
        out.sort(Comparator.comparing(LadderDecision::decidedAt));
        return out;
    }

    static Document toDocument(Complaint c) {
        return new Document("_id", c.id())
                .append("ticketId", c.ticketId())
                .append("technicianId", c.technicianId())
                .append("source", BsonValues.name(c.source()))
                .append("text", c.text())
                .append("registeredBy", c.registeredBy())
                .append("registeredAt", BsonValues.date(c.registeredAt()))
                .append("verification", BsonValues.name(c.verification()))
                .append("verifiedBy", c.verifiedBy())
                .append("verifiedAt", BsonValues.date(c.verifiedAt()))
                .append("verificationNote", c.verificationNote())
                .append("answeredAt", BsonValues.date(c.answeredAt()))
                .append("answeredBy", c.answeredBy())
                .append("onSceneAt", BsonValues.date(c.onSceneAt()));
    }

    static Complaint fromDocument(Document d) {
        return new Complaint(
                d.getString("_id"),
                d.getString("ticketId"),
                d.getString("technicianId"),
                BsonValues.enumValue(d, "source", Complaint.Source.class),
                d.getString("text"),
                d.getString("registeredBy"),
                BsonValues.instant(d, "registeredAt"),
                BsonValues.enumValue(d, "verification", Complaint.Verification.class),
                d.getString("verifiedBy"),
                BsonValues.instant(d, "verifiedAt"),
                d.getString("verificationNote"),
                BsonValues.instant(d, "answeredAt"),
                d.getString("answeredBy"),
                BsonValues.instant(d, "onSceneAt"));
    }
}
