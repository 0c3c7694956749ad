package org.callcenter.store.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The stock collection, with its scans pinned to the version they read: a scan iterates one root of
 * the data map while the store's background writer may move pages to new chunks and free the old ones
 * (auto-compaction); an unpinned scan of a large collection during heavy writes then failed with
 * "Chunk N not found". Registering the version's usage keeps its chunks until the scan ends.
 */
final class FastH2Collection extends H2Collection {
    private final MVStore store;

    FastH2Collection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, Document> data,
            MVMap<String, Object> meta,
            CursorRegistry cursors,
            MVStore store) {
        super(database, name, options, data, meta, cursors);
        this.store = store;
    }

    @Override
    protected QueryResult matchDocuments(
            Document query,
            Document orderBy,
            int numberToSkip,
            int numberToReturn,
            int batchSize,
            Document fieldSelector) {
        MVStore.TxCounter pinned = store.registerVersionUsage();
        try {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(pinned);
        }
    }
}
