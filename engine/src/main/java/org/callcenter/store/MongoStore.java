package org.callcenter.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.callcenter.config.AppConfig.MongoConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MongoDB connection (the truth): the real server at MONGODB_URI, or the embedded one. */
public final class MongoStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient client;
    private final MongoDatabase database;
    private final Optional<EmbeddedMongo> embedded;
    private final String description;

    private MongoStore(
            MongoClient client, MongoDatabase database, Optional<EmbeddedMongo> embedded, String description) {
        this.client = client;
        this.database = database;
        this.embedded = embedded;
        this.description = description;
    }

    public static MongoStore open(MongoConfig config) {
        Optional<EmbeddedMongo> embedded = Optional.empty();
        String uri = config.uri();
        String description;
        if (config.embedded()) {
            EmbeddedMongo server = EmbeddedMongo.start(Path.of(config.dataDir()));
            embedded = Optional.of(server);
            uri = server.uri();
            description = "embedded MongoDB-wire server (mongo-java-server, H2 file " + server.file() + ")";
        } else {
            description = "MongoDB at " + redactCredentials(uri);
        }
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        String dbName = connection.getDatabase() != null ? connection.getDatabase() : config.database();
        log.info("MongoDB: using {}, database '{}'", description, dbName);
        return new MongoStore(client, client.getDatabase(dbName), embedded, description);
    }

    public MongoDatabase database() {
        return database;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    public String description() {
        return description;
    }

    /** True when the server answers a ping. Blocking. */
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String redactCredentials(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedMongo::close);
    }
}
