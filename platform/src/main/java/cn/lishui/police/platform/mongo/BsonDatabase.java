package cn.lishui.police.platform.mongo;

import java.util.List;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store: the maps and names of mongo-java-server's {@code H2Database}
 * ({@code databases.<db>.<collection>} for the documents, {@code meta.<db>.<collection>},
 * {@code <db>.<collection>._index_<name>} for a unique index), but with the documents and index keys
 * typed as BSON ({@link DocumentType}, {@link BsonValueType}, {@link IndexKeyType}) instead of H2's
 * Java-serialising default. {@link StoreFormat} converts files written with the default.
 */
final class BsonDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DOCUMENTS_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";
    static final String INDEX_INFIX = "._index_";
    /** Which unique indexes were filled from their collection's documents ({@link BsonUniqueIndex#filled()}). */
    static final String FILLED_INDEXES = "$fengqiao.filled_indexes";

    private final MVStore store;
    private final boolean indexShortcuts;

    BsonDatabase(String name, MVStore store, CursorRegistry cursors, boolean indexShortcuts) {
        super(name, cursors);
        this.store = store;
        this.indexShortcuts = indexShortcuts;
        initializeNamespacesAndIndexes();
    }

    static MVMap.Builder<Object, Document> documentsMap() {
        return new MVMap.Builder<Object, Document>().keyType(BsonValueType.INSTANCE).valueType(DocumentType.INSTANCE);
    }

    static MVMap.Builder<KeyValue, Object> indexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE).valueType(BsonValueType.INSTANCE);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new BsonUniqueIndex(store.openMap(indexMapName(collection, indexName), indexMap()), indexName, keys,
                sparse, indexShortcuts ? store.openMap(FILLED_INDEXES) : null);
    }

    /**
     * mongo-java-server keeps no secondary (non-unique) index: it answers an {@code EmptyIndex}, which holds
     * nothing yet always says it is empty, so adding it to a collection (every index of every collection when
     * a store is opened) read all the documents twice for nothing: minutes for 100,000 disputes. The index
     * here is the same no-op that says it is filled, so adding it reads no document.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        if (!indexShortcuts) {
            return super.openOrCreateSecondaryIndex(collection, indexName, keys, sparse);
        }
        return new UnbuiltSecondaryIndex(indexName, keys);
    }

    /** A secondary index that mongo-java-server does not maintain (queries scan); nothing to build. */
    static final class UnbuiltSecondaryIndex extends EmptyIndex<Object> {

        UnbuiltSecondaryIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String mapName = indexMapName(collection.getCollectionName(), indexName);
        store.removeMap(mapName);
        store.<String, Boolean>openMap(FILLED_INDEXES).remove(mapName);
    }

    private String indexMapName(String collection, String indexName) {
        return getFullCollectionNamespace(collection) + INDEX_INFIX + indexName;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collection);
        MVMap<Object, Document> documents = store.openMap(DOCUMENTS_PREFIX + namespace, documentsMap());
        MVMap<String, Object> meta = store.openMap(META_PREFIX + namespace);
        return new BsonCollection(this, collection, options, documents, meta, cursorRegistry, indexShortcuts);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        List<String> names = store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".") || name.startsWith(DOCUMENTS_PREFIX + databaseName + ".")
                        || name.startsWith(META_PREFIX + databaseName + "."))
                .collect(Collectors.toList());
        names.forEach(store::removeMap);
        forgetFilled(databaseName + ".");
    }

    @Override
    public void dropCollection(String collection, Oplog oplog) {
        super.dropCollection(collection, oplog);
        String namespace = getFullCollectionNamespace(collection);
        store.removeMap(DOCUMENTS_PREFIX + namespace);
        store.removeMap(META_PREFIX + namespace);
        // the unique indexes' maps too: left behind, a collection created again under this name found its old keys
        List<String> indexes = store.getMapNames().stream().filter(name -> name.startsWith(namespace + INDEX_INFIX))
                .collect(Collectors.toList());
        indexes.forEach(store::removeMap);
        forgetFilled(namespace + INDEX_INFIX);
    }

    private void forgetFilled(String mapNamePrefix) {
        MVMap<String, Boolean> filled = store.openMap(FILLED_INDEXES);
        List<String> names = filled.keySet().stream().filter(name -> name.startsWith(mapNamePrefix))
                .collect(Collectors.toList());
        names.forEach(filled::remove);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newName) {
        super.moveCollection(oldDatabase, collection, newName);
        String from = collection.getFullName();
        String to = getFullCollectionNamespace(newName);
        store.renameMap(store.openMap(DOCUMENTS_PREFIX + from, documentsMap()), DOCUMENTS_PREFIX + to);
        store.renameMap(store.openMap(META_PREFIX + from), META_PREFIX + to);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file == null ? 0 : file.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
