package cn.lishui.police.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import cn.lishui.police.platform.mongo.TimeOrderedIds;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotency records in the service's own MongoDB store. Claiming a key is a single insert against the unique
 * index on the key's hash: of any number of concurrent requests with one key, exactly one wins.
 */
class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final String KEY = "key";

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;

    IdempotencyStore(MongoTemplate mongo, Duration ttl, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(IdempotencyRecord.COLLECTION);
        indexes.createIndex(new Index().on(KEY, Sort.Direction.ASC).unique().named("idempotency_key"));
        indexes.createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(ttl).named("idempotency_ttl"));
        moveLegacyRecords();
    }

    /** Claims the key for this request; empty if claimed, otherwise the record that holds it. */
    Optional<IdempotencyRecord> claim(String key, String requestHash) {
        Instant now = clock.instant();
        try {
            mongo.insert(IdempotencyRecord.inFlight(key, requestHash, now));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            IdempotencyRecord existing = find(key).orElse(null);
            if (existing == null) {
                return claim(key, requestHash);
            }
            if (existing.createdAt().plus(ttl).isBefore(now)) {
                // expired but not yet swept by the TTL monitor: free it and claim again
                mongo.remove(Query.query(Criteria.where("_id").is(existing.id())), IdempotencyRecord.class);
                return claim(key, requestHash);
            }
            return Optional.of(existing);
        }
    }

    Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(mongo.findOne(byKey(key), IdempotencyRecord.class));
    }

    void complete(String key, int status, String contentType, String location, byte[] body) {
        mongo.updateFirst(byKey(key),
                new Update().set("state", IdempotencyRecord.State.COMPLETED).set("status", status)
                        .set("contentType", contentType).set("location", location).set("body", body),
                IdempotencyRecord.class);
    }

    /** Frees a key whose first request failed on the server side, so the client may retry with it. */
    void release(String key) {
        mongo.remove(byKey(key), IdempotencyRecord.class);
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where(KEY).is(key));
    }

    /**
     * Moves the records kept with the hash as {@code _id} ({@link IdempotencyRecord#LEGACY_COLLECTION}, before
     * session 13) into the collection used now, each under a new time-ordered id, and drops the old collection,
     * so a key used before an upgrade is still answered from its record. Records past their time to live are left
     * behind. A record already moved (a start that stopped half-way, or another replica moving at the same time)
     * is skipped by the unique key.
     */
    private void moveLegacyRecords() {
        if (!mongo.collectionExists(IdempotencyRecord.LEGACY_COLLECTION)) {
            return;
        }
        Date expired = Date.from(clock.instant().minus(ttl));
        MongoCollection<org.bson.Document> target = mongo.getCollection(IdempotencyRecord.COLLECTION);
        int moved = 0;
        try {
            for (org.bson.Document legacy : mongo.getCollection(IdempotencyRecord.LEGACY_COLLECTION).find()) {
                if (!(legacy.get("createdAt") instanceof Date created) || !created.after(expired)) {
                    continue;
                }
                org.bson.Document record = new org.bson.Document(legacy);
                record.put("_id", TimeOrderedIds.next());
                record.put(KEY, legacy.get("_id"));
                try {
                    target.insertOne(record);
                    moved++;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            // another replica may have moved them all and dropped the collection under this one's cursor
            if (mongo.collectionExists(IdempotencyRecord.LEGACY_COLLECTION)) {
                throw e;
            }
        }
        mongo.dropCollection(IdempotencyRecord.LEGACY_COLLECTION);
        log.info("Moved {} idempotency records from {} to {}", moved, IdempotencyRecord.LEGACY_COLLECTION,
                IdempotencyRecord.COLLECTION);
    }
}
