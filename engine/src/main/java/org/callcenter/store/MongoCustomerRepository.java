package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerRepository;
import org.callcenter.customers.Installation;
import org.callcenter.customers.Region;

/**
 * Customers in {@code customers}, installations in {@code installations}, and the phone index in
 * {@code phones} (_id = E.164 number, so a lookup by phone is an _id lookup and a number can belong
 * to one customer only).
 */
public final class MongoCustomerRepository implements CustomerRepository {
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> installations;
    private final MongoCollection<Document> phones;

    public MongoCustomerRepository(MongoStore store) {
        this.customers = store.database().getCollection("customers");
        this.installations = store.database().getCollection("installations");
        this.phones = store.database().getCollection("phones");
        // for a real MongoDB; the embedded server does not implement non-unique indexes
        if (!store.embedded()) {
            installations.createIndex(Indexes.ascending("customerId"));
            customers.createIndex(Indexes.ascending("name"));
        }
    }

    @Override
    public void insert(Customer c) {
        customers.insertOne(toDocument(c));
    }

    @Override
    public Optional<Customer> findById(String id) {
        return Optional.ofNullable(customers.find(eq("_id", id)).first()).map(MongoCustomerRepository::fromDocument);
    }

    @Override
    public boolean replace(Customer c, long expectedVersion) {
        // installationIds and ticketNumbers are maintained by their own $push updates; keep them
        Document set = toDocument(c);
        set.remove("_id");
        set.remove("installationIds");
        set.remove("ticketNumbers");
        return customers
                        .updateOne(and(eq("_id", c.id()), eq("version", expectedVersion)), new Document("$set", set))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public Optional<String> customerIdForPhone(String e164) {
        Document d = phones.find(eq("_id", e164)).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("customerId"));
    }

    @Override
    public List<String> claimPhones(String customerId, Collection<String> numbers) {
        List<String> claimed = new ArrayList<>();
        for (String phone : numbers) {
            if (claim(customerId, phone)) {
                claimed.add(phone);
            } else {
                releasePhones(customerId, claimed);
                return List.of(phone);
            }
        }
        return List.of();
    }

    private boolean claim(String customerId, String phone) {
        try {
            phones.insertOne(new Document("_id", phone).append("customerId", customerId));
            return true;
        } catch (MongoException e) {
            if (!BsonValues.duplicateKey(e)) throw e;
        }
        Optional<String> owner = customerIdForPhone(phone);
        if (owner.isEmpty() || owner.get().equals(customerId)) return true;
        if (findById(owner.get()).isPresent()) return false;
        // a claim left by a customer whose insert never happened: take it over
        return phones.updateOne(
                                and(eq("_id", phone), eq("customerId", owner.get())),
                                Updates.set("customerId", customerId))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public void releasePhones(String customerId, Collection<String> numbers) {
        for (String phone : numbers) phones.deleteOne(and(eq("_id", phone), eq("customerId", customerId)));
    }

    @Override
    public void insertInstallation(Installation i) {
        installations.insertOne(installationDocument(i));
        customers.updateOne(eq("_id", i.customerId()), Updates.addToSet("installationIds", i.id()));
    }

    @Override
    public Optional<Installation> findInstallation(String id) {
        return Optional.ofNullable(installations.find(eq("_id", id)).first())
                .map(MongoCustomerRepository::installation);
    }

    @Override
    public List<Installation> findInstallations(Collection<String> ids) {
        // one round trip by _id $in, returned in the order asked for (the order they were added)
        if (ids.isEmpty()) return List.of();
        java.util.Map<String, Installation> found = new java.util.HashMap<>();
        installations.find(in("_id", ids)).forEach(d -> found.put(d.getString("_id"), installation(d)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void addTicketNumber(String customerId, String ticketNumber) {
        customers.updateOne(eq("_id", customerId), Updates.addToSet("ticketNumbers", ticketNumber));
    }

    @Override
    public List<Customer> searchByName(String namePrefix, int limit) {
        List<Customer> out = new ArrayList<>();
        customers
                .find(regex("name", "^" + Pattern.quote(namePrefix), "i"))
                .limit(limit)
                .forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    @Override
    public long count() {
        return customers.estimatedDocumentCount();
    }

    /** Bulk import (benchmarks, migrations): customers and their phone index entries. */
    public void insertAll(List<Customer> batch) {
        if (batch.isEmpty()) return;
        customers.insertMany(
                batch.stream().map(MongoCustomerRepository::toDocument).toList());
        List<Document> index = new ArrayList<>();
        for (Customer c : batch)
            for (String p : c.allPhones()) index.add(new Document("_id", p).append("customerId", c.id()));
        if (!index.isEmpty()) phones.insertMany(index);
    }

    public void insertInstallations(List<Installation> batch) {
        if (batch.isEmpty()) return;
        installations.insertMany(batch.stream()
                .map(MongoCustomerRepository::installationDocument)
                .toList());
    }

    static Document toDocument(Customer c) {
        List<Document> contacts = c.contacts().stream()
                .map(k -> new Document("name", k.name())
                        .append("role", k.role())
                        .append("phones", k.phones())
                        .append("email", k.email()))
                .toList();
        Customer.Address a = c.address();
        Document address = a == null
                ? null
                : new Document("street", a.street())
                        .append("city", a.city())
                        .append("province", a.province())
                        .append("postalCode", a.postalCode())
                        .append("country", a.country());
        return new Document("_id", c.id())
                .append("name", c.name())
                .append("language", c.language())
                .append("phones", c.phones())
                .append("contacts", contacts)
                .append("address", address)
                .append("region", BsonValues.name(c.region()))
                .append("installationIds", c.installationIds())
                .append("ticketNumbers", c.ticketNumbers())
                .append("version", c.version())
                .append("createdAt", BsonValues.date(c.createdAt()))
                .append("updatedAt", BsonValues.date(c.updatedAt()))
                .append("timeZone", c.timeZone());
    }

    static Customer fromDocument(Document d) {
        List<Customer.Contact> contacts = BsonValues.documents(d, "contacts").stream()
                .map(k -> new Customer.Contact(
                        k.getString("name"),
                        k.getString("role"),
                        BsonValues.strings(k, "phones"),
                        k.getString("email")))
                .toList();
        Document a = d.get("address", Document.class);
        Customer.Address address = a == null
                ? null
                : new Customer.Address(
                        a.getString("street"),
                        a.getString("city"),
                        a.getString("province"),
                        a.getString("postalCode"),
                        a.getString("country"));
        return new Customer(
                d.getString("_id"),
                d.getString("name"),
                d.getString("language"),
                BsonValues.strings(d, "phones"),
                contacts,
                address,
                BsonValues.enumValue(d, "region", Region.class),
                BsonValues.strings(d, "installationIds"),
                BsonValues.strings(d, "ticketNumbers"),
                BsonValues.longValue(d, "version"),
                BsonValues.instant(d, "createdAt"),
                BsonValues.instant(d, "updatedAt"),
                d.getString("timeZone"));
    }

    static Document installationDocument(Installation i) {
        return new Document("_id", i.id())
                .append("customerId", i.customerId())
                .append("product", i.product())
                .append("model", i.model())
                .append("serial", i.serial())
                .append("installedOn", BsonValues.day(i.installedOn()))
                .append("warrantyEnd", BsonValues.day(i.warrantyEnd()))
                .append("createdAt", BsonValues.date(i.createdAt()));
    }

    static Installation installation(Document d) {
        return new Installation(
                d.getString("_id"),
                d.getString("customerId"),
                d.getString("product"),
                d.getString("model"),
                d.getString("serial"),
                BsonValues.localDate(d, "installedOn"),
                BsonValues.localDate(d, "warrantyEnd"),
                BsonValues.instant(d, "createdAt"));
    }
}
