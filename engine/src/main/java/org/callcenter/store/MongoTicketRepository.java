package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.tickets.Channel;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketQuery;
import org.callcenter.tickets.TicketRepository;
import org.callcenter.tickets.TicketStatus;

/** Service requests in {@code tickets}; _id is the ticket number, so a lookup by number is an _id lookup. */
public final class MongoTicketRepository implements TicketRepository {
    private final MongoCollection<Document> tickets;
    /** _id = E.164 phone, numbers = requests registered for it while it belonged to no customer. */
    private final MongoCollection<Document> unlinked;

    public MongoTicketRepository(MongoStore store) {
        this.tickets = store.database().getCollection("tickets");
        this.unlinked = store.database().getCollection("unlinked_tickets");
        // for a real MongoDB; the embedded server does not implement non-unique indexes
        if (!store.embedded()) {
            tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("openedAt")));
            tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("phone"), Indexes.descending("openedAt")));
            tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("openedAt")));
        }
    }

    @Override
    public boolean insert(Ticket ticket) {
        try {
            tickets.insertOne(toDocument(ticket));
            return true;
        } catch (MongoException e) {
            if (BsonValues.duplicateKey(e)) return false;
            throw e;
        }
    }

    @Override
    public void insertAll(List<Ticket> batch) {
        if (!batch.isEmpty())
            tickets.insertMany(
                    batch.stream().map(MongoTicketRepository::toDocument).toList());
    }

    @Override
    public Optional<Ticket> find(String number) {
        return Optional.ofNullable(tickets.find(eq("_id", number)).first()).map(MongoTicketRepository::fromDocument);
    }

    @Override
    public List<Ticket> findAll(Collection<String> numbers) {
        // one round trip; _id $in is answered from the primary key, also by the embedded server
        List<Ticket> out = new ArrayList<>(numbers.size());
        if (numbers.isEmpty()) return out;
        tickets.find(in("_id", numbers)).forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    @Override
    public boolean update(Ticket t, long expectedVersion, TicketEvent event) {
        Document set = toDocument(t);
        set.remove("_id");
        set.remove("history");
        Bson update = Updates.combine(new Document("$set", set), Updates.push("history", event(event)));
        return tickets.updateOne(and(eq("_id", t.number()), eq("version", expectedVersion)), update)
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean append(String number, TicketEvent event) {
        return tickets.updateOne(eq("_id", number), Updates.push("history", event(event)))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public List<Ticket> search(TicketQuery q) {
        List<Bson> filters = new ArrayList<>();
        q.phone().ifPresent(p -> filters.add(eq("phone", p)));
        q.customerId().ifPresent(c -> filters.add(eq("customerId", c)));
        q.status().ifPresent(s -> filters.add(eq("status", BsonValues.name(s))));
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Ticket> out = new ArrayList<>();
        tickets.find(filter)
                .sort(Sorts.descending("openedAt"))
                .skip(q.skip())
                .limit(q.limit())
                .forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    @Override
    public void rememberUnlinked(String phone, String number) {
        unlinked.updateOne(
                eq("_id", phone),
                Updates.addToSet("numbers", number),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public List<String> unlinked(String phone) {
        Document d = unlinked.find(eq("_id", phone)).first();
        return d == null ? List.of() : BsonValues.strings(d, "numbers");
    }

    @Override
    public void forgetUnlinked(String phone) {
        unlinked.deleteOne(eq("_id", phone));
    }

    @Override
    public boolean linkCustomer(String number, String customerId, TicketEvent event) {
        Bson update = Updates.combine(
                Updates.set("customerId", customerId),
                Updates.inc("version", 1L),
                Updates.push("history", event(event)));
        return tickets.updateOne(and(eq("_id", number), eq("customerId", null)), update)
                        .getModifiedCount()
                == 1;
    }

    @Override
    public long count() {
        return tickets.estimatedDocumentCount();
    }

    static Document toDocument(Ticket t) {
        return new Document("_id", t.number())
                .append("customerId", t.customerId())
                .append("installationId", t.installationId())
                .append("contactName", t.contactName())
                .append("phone", t.phone())
                .append("category", t.category())
                .append("product", t.product())
                .append("severity", BsonValues.name(t.severity()))
                .append("description", t.description())
                .append("channel", BsonValues.name(t.channel()))
                .append("escalation", BsonValues.name(t.escalation()))
                .append("status", BsonValues.name(t.status()))
                .append("transferredTo", t.transferredTo())
                .append("openedAt", BsonValues.date(t.openedAt()))
                .append("createdBy", t.createdBy())
                .append("feedbackAt", BsonValues.date(t.feedbackAt()))
                .append("resolvedAt", BsonValues.date(t.resolvedAt()))
                .append("closedAt", BsonValues.date(t.closedAt()))
                .append("updatedAt", BsonValues.date(t.updatedAt()))
                .append("version", t.version())
                .append(
                        "history",
                        t.history().stream().map(MongoTicketRepository::event).toList());
    }

    static Document event(TicketEvent e) {
        return new Document("at", BsonValues.date(e.at()))
                .append("by", e.by())
                .append("type", e.type())
                .append("text", e.text())
                .append(
                        "changes",
                        e.changes().stream()
                                .map(c -> new Document("field", c.field())
                                        .append("from", c.from())
                                        .append("to", c.to()))
                                .toList());
    }

    static Ticket fromDocument(Document d) {
        List<TicketEvent> history = BsonValues.documents(d, "history").stream()
                .map(e -> new TicketEvent(
                        BsonValues.instant(e, "at"),
                        e.getString("by"),
                        e.getString("type"),
                        e.getString("text"),
                        BsonValues.documents(e, "changes").stream()
                                .map(c -> new TicketEvent.Change(
                                        c.getString("field"), c.getString("from"), c.getString("to")))
                                .toList()))
                .toList();
        return new Ticket(
                d.getString("_id"),
                d.getString("customerId"),
                d.getString("installationId"),
                d.getString("contactName"),
                d.getString("phone"),
                d.getString("category"),
                d.getString("product"),
                BsonValues.enumValue(d, "severity", Severity.class),
                d.getString("description"),
                BsonValues.enumValue(d, "channel", Channel.class),
                BsonValues.enumValue(d, "escalation", Escalation.class),
                BsonValues.enumValue(d, "status", TicketStatus.class),
                d.getString("transferredTo"),
                BsonValues.instant(d, "openedAt"),
                d.getString("createdBy"),
                BsonValues.instant(d, "feedbackAt"),
                BsonValues.instant(d, "resolvedAt"),
                BsonValues.instant(d, "closedAt"),
                BsonValues.instant(d, "updatedAt"),
                BsonValues.longValue(d, "version"),
                history);
    }
}
