package org.callcenter.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callcenter.store.h2.FastH2Backend;
import org.callcenter.store.h2.StockFileMigration;

/**
 * The embedded default: an in-process MongoDB-wire server (mongo-java-server) with an H2 file
 * backend, bound to loopback on a free port. The engine talks to it with the real MongoDB driver.
 * It has no transactions and ignores non-unique indexes, so hot lookups go by _id or unique keys.
 * The H2 maps are typed ({@link FastH2Backend}); a file of the stock backend is migrated once.
 */
public final class EmbeddedMongo implements AutoCloseable {
    /** The data file (typed H2 maps). */
    public static final String FILE_NAME = "mongo2.mv.db";
    /** The data file of the stock H2 backend, migrated on first start and kept as {@code .migrated}. */
    public static final String OLD_FILE_NAME = "mongo.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Starts a server whose data lives in {@code dataDir/mongo2.mv.db}; survives restarts. */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        StockFileMigration.migrateIfNeeded(file.resolveSibling(OLD_FILE_NAME), file);
        MongoServer server = new MongoServer(FastH2Backend.open(file.toString()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, address, file);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
