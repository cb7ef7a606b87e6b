package cn.lishui.police.platform.mongo;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend of mongo-java-server, with documents and index keys stored as BSON ({@link BsonDatabase}),
 * made durable per acknowledged write by the server in front of it.
 *
 * <p>MVStore commits in the background about once a second, so a {@code kill -9} would lose the writes of that
 * last second although the client saw them acknowledged. {@link EmbeddedMongoServer} therefore sends no reply
 * before the store has committed what was changed before it ({@link GroupCommit}: one commit for all the replies
 * waiting at that moment). Commit is enough for a killed process (the data is in the OS page cache); surviving a
 * power cut would also need an fsync, which the embedded default does not promise.
 */
class DurableH2Backend extends H2Backend {

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    /** How the embedded default opens its file, with MVStore's default page cache (16 MB). */
    static MVStore.Builder storeBuilder(Path file) {
        return storeBuilder(file, EmbeddedMongoProperties.DEFAULT_CACHE_MB);
    }

    /** How the embedded default opens its file, with a page cache of {@code cacheMegabytes}. */
    static MVStore.Builder storeBuilder(Path file, int cacheMegabytes) {
        return new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes);
    }

    /** The backend over this store, after converting a file written by the stock H2 backend. */
    static DurableH2Backend open(MVStore store) {
        return open(store, true);
    }

    /**
     * As {@link #open(MVStore)}; {@code indexShortcuts = false} behaves as stock mongo-java-server does (a
     * query scans unless an index's fields are exactly the query's; opening a store reads every document twice
     * per secondary index), for tests and benchmarks.
     */
    static DurableH2Backend open(MVStore store, boolean indexShortcuts) {
        StoreFormat.upgrade(store);
        return indexShortcuts ? new DurableH2Backend(store) : new StockIndexing(store);
    }

    /**
     * Whether the databases use the index shortcuts. A method, not a field: H2Backend's constructor opens the
     * databases already in the file, before a field of this class would be set.
     */
    boolean indexShortcuts() {
        return true;
    }

    private static final class StockIndexing extends DurableH2Backend {

        StockIndexing(MVStore store) {
            super(store);
        }

        @Override
        boolean indexShortcuts() {
            return false;
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName, getMvStore(), getCursorRegistry(), indexShortcuts());
    }
}
