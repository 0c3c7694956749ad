package org.callcenter.store.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Opens the collection and unique-index maps of {@link H2Database} (same names) with typed keys and values. */
class FastH2Database extends H2Database {
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    private final MVStore store;

    /** The superclass constructor opens the existing collections before this class's fields are set. */
    static FastH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new FastH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private FastH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String ns = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = mvStore()
                .openMap(
                        "databases." + ns,
                        new MVMap.Builder<Object, Document>()
                                .keyType(BsonValueType.INSTANCE)
                                .valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> meta = mvStore().openMap("meta." + ns);
        return new FastH2Collection(this, collectionName, options, data, meta, cursorRegistry, mvStore());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> map = mvStore()
                .openMap(
                        getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                        new MVMap.Builder<KeyValue, Object>()
                                .keyType(BsonValueType.INSTANCE)
                                .valueType(BsonValueType.INSTANCE));
        return new FastH2UniqueIndex(map, indexName, keys, sparse);
    }

    private MVStore mvStore() {
        return store != null ? store : OPENING.get();
    }
}
