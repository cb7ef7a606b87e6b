package cn.lishui.police.platform.mongo;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded server's backend, counting the write commands it has carried out per collection: every client of
 * the store (this service's template, its driver calls, a shell on the store's port) goes through it, so an
 * unchanged count means that nothing was written to those collections. What {@code StoreChanges} answers for
 * the embedded default, so that an in-memory copy of a register does not read the store again while nothing
 * changed.
 *
 * <p>A command is counted once it has been carried out (also when it failed part-way): a reader that takes the
 * count before it reads the collections and finds the same count later knows that no write came after its read.
 * A write that changed nothing (an update matching no document) is counted too; that costs one needless read.
 */
final class WriteCountingBackend implements MongoBackend {

    /** Commands that write to the collection named by their first field. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "createindexes", "dropindexes", "collmod");

    private final MongoBackend delegate;
    private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();
    /** Commands that may have written anywhere in a database (dropDatabase, renameCollection, aggregate with $out). */
    private final Map<String, LongAdder> databaseWrites = new ConcurrentHashMap<>();

    WriteCountingBackend(MongoBackend delegate) {
        this.delegate = delegate;
    }

    /** Write commands carried out so far on these collections of the database (since this server started). */
    long writes(String database, Collection<String> collections) {
        long sum = counter(databaseWrites, database).sum();
        for (String collection : collections) {
            sum += counter(writes, database + "." + collection).sum();
        }
        return sum;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return delegate.handleCommand(channel, database, command, query);
        } finally {
            counted(database, command, query);
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return delegate.handleMessage(message);
        } finally {
            Document document = message.getDocument();
            if (document != null && !document.isEmpty()) {
                counted(message.getDatabaseName(), document.keySet().iterator().next(), document);
            }
        }
    }

    private void counted(String database, String command, Document body) {
        if (database == null || command == null) {
            return;
        }
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name) && body != null && body.get(command) instanceof String collection) {
            counter(writes, database + "." + collection).increment();
        } else if (name.equals("dropdatabase") || name.equals("renamecollection")
                || (name.equals("aggregate") && writesOut(body))) {
            counter(databaseWrites, database).increment();
            // renameCollection runs on admin and names its databases in the namespaces it is given
            if (body != null) {
                countNamespace(body.get(command));
                countNamespace(body.get("to"));
            }
        }
    }

    private void countNamespace(Object namespace) {
        if (namespace instanceof String name && name.contains(".")) {
            counter(databaseWrites, name.substring(0, name.indexOf('.'))).increment();
        }
    }

    private static boolean writesOut(Document body) {
        if (body != null && body.get("pipeline") instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document step && (step.containsKey("$out") || step.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static LongAdder counter(Map<String, LongAdder> counters, String key) {
        return counters.computeIfAbsent(key, ignored -> new LongAdder());
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        try {
            delegate.dropDatabase(database);
        } finally {
            counter(databaseWrites, database).increment();
        }
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
