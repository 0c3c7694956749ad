package org.callcenter.store.h2;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Copies every database, collection (documents and indexes) of one mongo-java-server backend into
 * another, through two loopback servers and the MongoDB driver, so each side reads and writes its
 * own file format. Checks the document count of every collection; closes both backends.
 */
public final class StoreCopy {
    private static final int BATCH = 1000;

    private StoreCopy() {}

    /** Returns the number of documents copied. */
    public static long copy(MongoBackend from, MongoBackend to) {
        MongoServer source = new MongoServer(from);
        MongoServer target = new MongoServer(to);
        try {
            source.bind("127.0.0.1", 0);
            target.bind("127.0.0.1", 0);
            try (MongoClient in = MongoClients.create(uri(source));
                    MongoClient out = MongoClients.create(uri(target))) {
                long copied = 0;
                for (String db : in.listDatabaseNames()) {
                    for (String name : in.getDatabase(db).listCollectionNames()) {
                        if (name.startsWith("system.")) continue;
                        copied += copyCollection(in.getDatabase(db), out.getDatabase(db), name);
                    }
                }
                return copied;
            }
        } finally {
            source.shutdownNow();
            target.shutdownNow();
        }
    }

    private static long copyCollection(MongoDatabase from, MongoDatabase to, String name) {
        MongoCollection<RawBsonDocument> source = from.getCollection(name, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> target = to.getCollection(name, RawBsonDocument.class);
        to.createCollection(name);
        for (Document index : from.getCollection(name).listIndexes()) {
            if ("_id_".equals(index.getString("name"))) continue;
            IndexOptions options = new IndexOptions()
                    .name(index.getString("name"))
                    .unique(Boolean.TRUE.equals(index.get("unique")))
                    .sparse(Boolean.TRUE.equals(index.get("sparse")));
            if (index.get("expireAfterSeconds") instanceof Number ttl)
                options.expireAfter(ttl.longValue(), TimeUnit.SECONDS);
            target.createIndex(index.get("key", Document.class), options);
        }
        long copied = 0;
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        for (RawBsonDocument doc : source.find().batchSize(BATCH)) {
            batch.add(doc);
            if (batch.size() == BATCH) {
                target.insertMany(batch);
                copied += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            target.insertMany(batch);
            copied += batch.size();
        }
        long expected = source.countDocuments();
        long written = target.countDocuments();
        if (copied != expected || written != expected)
            throw new IllegalStateException("copy of " + from.getName() + "." + name + ": " + expected
                    + " documents in the source, " + copied + " read, " + written + " in the target");
        return copied;
    }

    private static String uri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
