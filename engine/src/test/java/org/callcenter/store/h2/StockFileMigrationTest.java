package org.callcenter.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;

/** A data directory holding only a stock-backend file starts on the typed file with every database, document and index. */
class StockFileMigrationTest {
    @Test
    void oldFileIsCopiedOnceAndKept() {
        Path dir = TestRedis.tempDir("h2-migration");
        MongoServer old = new MongoServer(
                new H2Backend(dir.resolve(EmbeddedMongo.OLD_FILE_NAME).toString()));
        old.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            MongoCollection<Document> customers =
                    client.getDatabase("callcenter").getCollection("customers");
            customers.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) // more than one copy batch
            docs.add(new Document("_id", "C" + i)
                    .append("phone", "139" + (10_000_000 + i))
                    .append("since", new Date(1_767_225_600_000L + i))
                    .append("address", new Document("city", "Shanghai").append("lines", List.of("a", "b"))));
            customers.insertMany(docs);
            client.getDatabase("other").getCollection("notes").insertOne(new Document("_id", 1).append("x", "y"));
        } finally {
            old.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
                MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> customers =
                    client.getDatabase("callcenter").getCollection("customers");
            assertThat(customers.countDocuments()).isEqualTo(2_500);
            Document c = customers.find(Filters.eq("_id", "C1234")).first();
            assertThat(c.getString("phone")).isEqualTo("13910001234");
            assertThat(c.getDate("since")).isEqualTo(new Date(1_767_225_600_000L + 1234));
            assertThat(c.get("address", Document.class).getList("lines", String.class))
                    .containsExactly("a", "b");
            assertThatThrownBy(() -> customers.insertOne(new Document("_id", "new").append("phone", "13910000007")))
                    .isInstanceOf(MongoWriteException.class)
                    .satisfies(
                            e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
            assertThat(client.getDatabase("other").getCollection("notes").find().first())
                    .isEqualTo(new Document("_id", 1).append("x", "y"));
        }
        assertThat(dir.resolve(EmbeddedMongo.FILE_NAME)).exists();
        assertThat(dir.resolve(EmbeddedMongo.OLD_FILE_NAME)).doesNotExist();
        assertThat(dir.resolve(EmbeddedMongo.OLD_FILE_NAME + ".migrated")).exists();
        assertThat(dir.resolve(EmbeddedMongo.FILE_NAME + ".partial")).doesNotExist();

        // a second start neither migrates again nor loses anything
        assertThat(StockFileMigration.migrateIfNeeded(
                        dir.resolve(EmbeddedMongo.OLD_FILE_NAME), dir.resolve(EmbeddedMongo.FILE_NAME)))
                .isFalse();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
                MongoClient client = MongoClients.create(mongo.uri())) {
            assertThat(client.getDatabase("callcenter")
                            .getCollection("customers")
                            .countDocuments())
                    .isEqualTo(2_500);
        }
    }

    @Test
    void anInterruptedCopyIsRedone() throws Exception {
        Path dir = TestRedis.tempDir("h2-migration-partial");
        MongoServer old = new MongoServer(
                new H2Backend(dir.resolve(EmbeddedMongo.OLD_FILE_NAME).toString()));
        old.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            client.getDatabase("callcenter").getCollection("tickets").insertOne(new Document("_id", "T1"));
        } finally {
            old.shutdown();
        }
        Files.writeString(dir.resolve(EmbeddedMongo.FILE_NAME + ".partial"), "left by a crash");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
                MongoClient client = MongoClients.create(mongo.uri())) {
            assertThat(client.getDatabase("callcenter").getCollection("tickets").countDocuments())
                    .isEqualTo(1);
        }
    }
}
