package cn.lishui.police.platform.mongo;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import cn.lishui.police.platform.background.BackgroundSweep;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's TTL monitor. MongoDB removes a document once the date in a TTL index's field is more
 * than the index's {@code expireAfterSeconds} ago; mongo-java-server keeps such indexes but never removes
 * anything, so on the embedded default the idempotency records (24 h) piled up for good. Every
 * {@code fengqiao.mongo.embedded.ttl-sweep} (default 1 h, the first a minute after the start; a
 * {@link BackgroundSweep} named {@code embedded-ttl-sweep} runs it) this removes, in
 * each collection of the service's database, the documents past each single-field TTL index, as MongoDB would:
 * only where the field holds a date (compound indexes are not TTL indexes there either).
 *
 * <p>The interval is an hour, not MongoDB's minute, because on the embedded store the removal is a full read of
 * the collection (it has no range index). Readers must not rely on an expired document being gone meanwhile
 * (MongoDB gives no such promise either): the idempotency store checks a record's age itself.
 */
final class ExpiredDocumentSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpiredDocumentSweep.class);

    private final Supplier<MongoDatabase> database;
    private final Clock clock;

    ExpiredDocumentSweep(Supplier<MongoDatabase> database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Removes what is past its time now; the number of documents removed. */
    long sweep() {
        MongoDatabase db = database.get();
        Instant now = clock.instant();
        long removed = 0;
        for (String collection : db.listCollectionNames()) {
            for (Document index : db.getCollection(collection).listIndexes()) {
                Document keys = index.get("key", Document.class);
                if (!(index.get("expireAfterSeconds") instanceof Number seconds) || keys == null || keys.size() != 1) {
                    continue;
                }
                String field = keys.keySet().iterator().next();
                Date cutoff = Date.from(now.minusSeconds(seconds.longValue()));
                long count = db.getCollection(collection).deleteMany(Filters.lt(field, cutoff)).getDeletedCount();
                if (count > 0) {
                    log.info("Removed {} documents of {} past their time to live (index {}: {} + {} s)", count,
                            collection, index.get("name"), field, seconds);
                }
                removed += count;
            }
        }
        return removed;
    }

    /** {@link #sweep()}, and a line at debug level with what it did ({@link BackgroundSweep} runs this). */
    void sweepLogged() {
        long started = System.nanoTime();
        long removed = sweep();
        log.debug("TTL sweep of the embedded store: {} documents removed in {} ms", removed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
