package org.callcenter.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: an in-process MongoDB-wire server (mongo-java-server) with an H2 file
 * backend, bound to loopback on a free port. The engine talks to it with the real MongoDB driver.
 * It has no transactions and ignores non-unique indexes, so hot lookups go by _id or unique keys.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Starts a server whose data lives in {@code dataDir/mongo.mv.db}; survives restarts. */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.toAbsolutePath().resolve("mongo.mv.db");
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
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
