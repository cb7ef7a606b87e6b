package cn.lishui.police.platform.mongo;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store: key (the indexed values) → position (the document's {@code _id}).
 *
 * <p>mongo-java-server fills an index from every document when it is added to a collection and
 * {@link #isEmpty()}, which happens at each start for every index. A sparse index that no document has a key for
 * (grid's incident hand-offs, mediation's {@code incidentId} before any hand-off) stays empty, so a store of
 * 100,000 disputes read them all again at every start. Here an index remembers, in the store, that it was filled
 * ({@link #filled()}); once filled, an empty index is empty because nothing has a key, and it is not filled again.
 */
final class BsonUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;
    /** The store's record of filled indexes (index map name → true), or {@code null}: behave as stock. */
    private final MVMap<String, Boolean> filledIndexes;
    private final String mapName;
    private volatile boolean filled;

    BsonUniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse,
                    MVMap<String, Boolean> filledIndexes) {
        super(name, keys, sparse);
        this.entries = entries;
        this.filledIndexes = filledIndexes;
        this.mapName = entries.getName();
        this.filled = filledIndexes != null && filledIndexes.containsKey(mapName);
    }

    /** Records that this index now holds every document's key (called once it was added to its collection). */
    void filled() {
        if (filledIndexes != null && !filled) {
            filledIndexes.put(mapName, Boolean.TRUE);
            filled = true;
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return entries.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return entries.get(key);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    /** Whether mongo-java-server must fill this index from the documents: never once it was filled. */
    @Override
    public boolean isEmpty() {
        return !filled && entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
