package cn.lishui.police.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotency records in the service's own MongoDB store. Claiming a key is a single insert against
 * the unique {@code _id}: of any number of concurrent requests with one key, exactly one wins.
 */
class IdempotencyStore {

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;

    IdempotencyStore(MongoTemplate mongo, Duration ttl, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.clock = clock;
        mongo.indexOps(IdempotencyRecord.COLLECTION)
                .createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(ttl).named("idempotency_ttl"));
    }

    /** Claims the key for this request; empty if claimed, otherwise the record that holds it. */
    Optional<IdempotencyRecord> claim(String id, String requestHash) {
        Instant now = clock.instant();
        try {
            mongo.insert(IdempotencyRecord.inFlight(id, requestHash, now));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            IdempotencyRecord existing = mongo.findById(id, IdempotencyRecord.class);
            if (existing == null) {
                return claim(id, requestHash);
            }
            if (existing.createdAt().plus(ttl).isBefore(now)) {
                // expired but not yet swept by the TTL monitor: free it and claim again
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("createdAt").is(existing.createdAt())),
                        IdempotencyRecord.class);
                return claim(id, requestHash);
            }
            return Optional.of(existing);
        }
    }

    Optional<IdempotencyRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, IdempotencyRecord.class));
    }

    void complete(String id, int status, String contentType, String location, byte[] body) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("state", IdempotencyRecord.State.COMPLETED).set("status", status)
                        .set("contentType", contentType).set("location", location).set("body", body),
                IdempotencyRecord.class);
    }

    /** Frees a key whose first request failed on the server side, so the client may retry with it. */
    void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class);
    }
}
