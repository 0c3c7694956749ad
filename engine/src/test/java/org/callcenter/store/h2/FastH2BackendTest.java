package org.callcenter.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** The typed backend answers exactly as the stock H2 backend does, and keeps data and indexes across a reopen. */
class FastH2BackendTest {
    static final ObjectId OID = new ObjectId("65f0a1b2c3d4e5f601234567");

    @Test
    void sameAnswersAsTheStockBackendBeforeAndAfterReopen() {
        Path dir = TestRedis.tempDir("fast-h2");
        List<String> stock = scenario(H2Backend::new, dir.resolve("stock.mv.db").toString());
        List<String> fast =
                scenario(FastH2Backend::open, dir.resolve("fast.mv.db").toString());
        assertThat(fast).isEqualTo(stock);
        assertThat(fast).contains("dup:phone", "dup:_id", "dup:_id-numeric", "dup:compound", "reopened-dup:phone");
        assertThat(fast.stream().filter(s -> s.startsWith("doc:")).count()).isGreaterThan(10);
    }

    /** Writes, reads and violations through the real driver, then the same reads after a restart. */
    static List<String> scenario(Function<String, MongoBackend> backend, String file) {
        List<String> out = new ArrayList<>();
        withServer(backend.apply(file), c -> {
            c.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true));
            c.createIndex(Indexes.ascending("region", "seq"), new IndexOptions().unique(true));
            c.createIndex(
                    Indexes.ascending("serial"), new IndexOptions().unique(true).sparse(true));
            c.insertOne(doc("a-string-id", "13900000001").append("serial", "S1"));
            c.insertOne(doc(OID, "13900000002").append("serial", "S2"));
            c.insertOne(doc(42, "13900000003"));
            c.insertOne(doc(7_000_000_000L, "13900000004"));
            c.insertOne(doc(new Document("caller", "x").append("n", 1), "13900000005"));
            for (int i = 0; i < 300; i++) c.insertOne(doc("id-" + i, "138" + (10_000_000 + i)));
            attempt(out, "dup:phone", () -> c.insertOne(doc("other", "13900000001")));
            attempt(out, "dup:_id", () -> c.insertOne(doc("a-string-id", "13900000009")));
            attempt(out, "dup:_id-numeric", () -> c.insertOne(doc(42.0, "13900000010")));
            attempt(
                    out,
                    "dup:compound",
                    () -> c.insertOne(doc("c2", "13900000011").append("seq", 1)));
            c.updateOne(Filters.eq("_id", OID), Updates.set("state", "closed"));
            c.updateOne(Filters.eq("_id", 42), Updates.inc("visits", 3));
            c.deleteOne(Filters.eq("_id", "id-17"));
            attempt(
                    out,
                    "dup:update-phone",
                    () -> c.updateOne(Filters.eq("_id", 42), Updates.set("phone", "13900000001")));
            reads(c, out);
        });
        withServer(backend.apply(file), c -> {
            reads(c, out);
            attempt(out, "reopened-dup:phone", () -> c.insertOne(doc("after", "13900000002")));
            c.insertOne(doc("after-reopen", "13900000099"));
            out.add("doc:" + c.find(Filters.eq("_id", "after-reopen")).first().toJson());
        });
        return out;
    }

    static void reads(MongoCollection<Document> c, List<String> out) {
        out.add("count:" + c.countDocuments());
        for (Object id : List.of(
                "a-string-id", OID, 42, 42L, 7_000_000_000L, new Document("caller", "x").append("n", 1), "id-17")) {
            Document d = c.find(Filters.eq("_id", id)).first();
            out.add("doc:" + id + "=" + (d == null ? null : d.toJson()));
        }
        for (Document d :
                c.find(Filters.in("_id", List.of("id-3", "id-200", "nope", 42))).sort(Sorts.ascending("phone")))
            out.add("in:" + d.toJson());
        out.add("phone:" + c.find(Filters.eq("phone", "13800000123")).first());
        out.add("scan:" + c.countDocuments(Filters.gte("seq", 10_000_150L)));
        List<String> indexes = new ArrayList<>(); // listed in the order of random keys: sort
        for (Document i : c.listIndexes()) indexes.add(i.get("name") + ":" + i.get("unique"));
        out.add("indexes:" + indexes.stream().sorted().toList());
    }

    static Document doc(Object id, String phone) {
        return new Document("_id", id)
                .append("phone", phone)
                .append("region", "capital")
                .append("seq", Long.parseLong(phone) % 100_000_000L)
                .append("openedAt", new Date(1_767_225_600_000L))
                .append("flags", List.of(true, 1.5, "x", new Document("k", List.of(1, 2))))
                .append("none", null)
                .append("blob", new Binary(new byte[] {1, 2, 3}))
                .append("amount", Decimal128.parse("12.34"));
    }

    static void attempt(List<String> out, String label, Runnable write) {
        try {
            write.run();
            out.add(label + ":accepted");
        } catch (MongoWriteException e) {
            out.add(e.getCode() == 11000 ? label : label + ":" + e.getCode());
        }
    }

    static void withServer(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> body) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            body.accept(client.getDatabase("t").getCollection("c"));
        } finally {
            server.shutdown();
        }
    }
}
