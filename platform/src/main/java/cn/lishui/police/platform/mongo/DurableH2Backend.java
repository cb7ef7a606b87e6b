package cn.lishui.police.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend of mongo-java-server, made durable per acknowledged write, with documents and
 * index keys stored as BSON ({@link BsonDatabase}).
 *
 * <p>MVStore commits in the background about once a second, so a {@code kill -9} loses the writes of
 * that last second although the client saw them acknowledged. Here each command commits before its
 * reply is sent: the reply (the acknowledgement) leaves only once the change is in the file. A commit
 * with nothing to write is a no-op, so reads pay nothing, and commands that finish while another one's
 * commit is being written share the next commit (MVStore writes everything unsaved at once). Commit is
 * enough for a killed process (the data is in the OS page cache); surviving a power cut would also need
 * an fsync, which the embedded default does not promise.
 */
class DurableH2Backend extends H2Backend {

    private DurableH2Backend(MVStore store) {
        super(store);
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

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commit();
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commit();
        }
    }
}
