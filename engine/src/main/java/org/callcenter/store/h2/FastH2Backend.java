package org.callcenter.store.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps: documents stored as BSON, keys compared by
 * MongoDB order (see {@link BsonValueType}, {@link BsonDocumentType}). Same map names and layout
 * as the stock backend, but not the same bytes: a file is readable by one backend only.
 */
public class FastH2Backend extends H2Backend {
    public FastH2Backend(MVStore store) {
        super(store); // opens the databases already in the file through openOrCreateDatabase
    }

    public static FastH2Backend open(String fileName) {
        return new FastH2Backend(MVStore.open(fileName));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return FastH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
